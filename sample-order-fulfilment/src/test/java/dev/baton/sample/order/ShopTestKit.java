package dev.baton.sample.order;

import dev.baton.Baton;
import dev.baton.HistoryEvent;
import dev.baton.WorkflowHandle;
import dev.baton.sample.order.systems.ShopSystems;
import dev.baton.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The set-up every behaviour test shares: the test harness's environment (an in-memory database and
 * virtual time), both workers, the stand-in systems and a desk placing orders with a real shop's
 * {@link #POLICY} of days, which virtual time skips through in milliseconds.
 */
public final class ShopTestKit implements AutoCloseable {
  /**
   * A real shop's days (reminder after a day, cancellation after three, the carrier asked every
   * four hours for up to two weeks), with tracking continuing as new every two questions so that
   * the tests see it happen. Time only moves while a test waits for a result, so a test that waits
   * for a stage and then signals is never overtaken by a timer.
   */
  public static final FulfilmentPolicy POLICY =
      new FulfilmentPolicy(
          50_000,
          Duration.ofDays(1),
          Duration.ofDays(3),
          Duration.ofHours(4),
          Duration.ofDays(14),
          2);

  /** The carrier delivers at its third answer about a parcel. */
  public static final int CARRIER_QUESTIONS = 3;

  private final TestWorkflowEnvironment env;
  private final Baton baton;
  private final ShopSystems systems;
  private final OrderDesk desk;

  private ShopTestKit() {
    this.env = TestWorkflowEnvironment.create();
    this.baton = env.baton();
    this.systems = ShopSystems.create(CARRIER_QUESTIONS, "http://localhost:0");
    ShopWorkers.startWorkflowWorker(baton);
    ShopWorkers.startActivityWorker(baton, systems);
    this.desk = new OrderDesk(baton, new ShopSettings(POLICY, CARRIER_QUESTIONS));
  }

  /** Opens the shop in a new test environment. */
  public static ShopTestKit open() {
    return new ShopTestKit();
  }

  /** The test environment: virtual time, histories. */
  public TestWorkflowEnvironment env() {
    return env;
  }

  /** The Baton instance. */
  public Baton baton() {
    return baton;
  }

  /** The stand-in systems the activity worker serves. */
  public ShopSystems systems() {
    return systems;
  }

  /** The starter. */
  public OrderDesk desk() {
    return desk;
  }

  /** Places the order and waits for its outcome. */
  public OrderOutcome fulfil(Order order) {
    return desk.place(order).result(Duration.ofSeconds(60));
  }

  /** Places the order. */
  public WorkflowHandle<OrderOutcome> place(Order order) {
    return desk.place(order);
  }

  /** Waits until the order's status query reports {@code stage}. */
  public OrderStatus awaitStage(String orderId, Stage stage) {
    return awaitStatus(orderId, status -> status.stage() == stage);
  }

  /**
   * Moves virtual time a minute at a time (far less than any of the policy's waits, so no reminder
   * or cancellation is overtaken) until the order's status query answers as {@code wanted}; fails
   * after two virtual hours.
   */
  public OrderStatus awaitStatus(String orderId, Predicate<OrderStatus> wanted) {
    return awaitVirtually(
        () -> orderId + " reaching the status wanted (it is " + desk.status(orderId) + ")",
        () -> Optional.of(desk.status(orderId)).filter(wanted));
  }

  /** Moves virtual time until the order's approval mail was sent; returns its task token. */
  public String awaitApprovalToken(String orderId) {
    return awaitVirtually(
        () -> "approval mail for " + orderId, () -> systems.managers().tokenFor(orderId));
  }

  /**
   * Lets the workflows run, then moves virtual time a minute at a time, until {@code check} gives a
   * value; fails, naming {@code what}, after two virtual hours.
   */
  private <T> T awaitVirtually(Supplier<String> what, Supplier<Optional<T>> check) {
    for (int minute = 0; minute < 120; minute++) {
      env.sleep(Duration.ofMinutes(minute == 0 ? 0 : 1));
      Optional<T> value = check.get();
      if (value.isPresent()) {
        return value.get();
      }
    }
    throw new AssertionError("no " + what.get() + " in two virtual hours");
  }

  /** The types of the events in the latest run of {@code workflowId}. */
  public List<String> eventTypes(String workflowId) {
    return baton.history(workflowId).stream().map(HistoryEvent::type).toList();
  }

  @Override
  public void close() {
    env.close();
  }
}
