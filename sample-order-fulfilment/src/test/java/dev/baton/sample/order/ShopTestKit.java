package dev.baton.sample.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Baton;
import dev.baton.HistoryEvent;
import dev.baton.WorkflowHandle;
import dev.baton.sample.order.systems.ShopSystems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * The set-up every behaviour test shares: Baton on a fresh embedded H2 folder, both workers, the
 * stand-in systems and a desk placing orders with the short {@link #POLICY}. It is the one place
 * that moves onto the replay test harness when that comes.
 */
public final class ShopTestKit implements AutoCloseable {
  /**
   * Seconds instead of days: reminder after 1 s, cancellation after 30 s (long enough for a slow
   * machine to signal first), tracking every 0.2 s.
   */
  public static final FulfilmentPolicy POLICY =
      new FulfilmentPolicy(
          50_000,
          Duration.ofSeconds(1),
          Duration.ofSeconds(30),
          Duration.ofMillis(200),
          Duration.ofSeconds(20),
          2);

  /** The carrier delivers at its third answer about a parcel. */
  public static final int CARRIER_QUESTIONS = 3;

  private final Baton baton;
  private final ShopSystems systems;
  private final OrderDesk desk;

  private ShopTestKit(Path folder) {
    this.baton = Baton.embedded(folder.resolve("h2"));
    this.systems = ShopSystems.create(CARRIER_QUESTIONS, "http://localhost:0");
    ShopWorkers.startWorkflowWorker(baton);
    ShopWorkers.startActivityWorker(baton, systems);
    this.desk = new OrderDesk(baton, new ShopSettings(POLICY, CARRIER_QUESTIONS));
  }

  /** Opens the shop on a new embedded H2 database in {@code folder}. */
  public static ShopTestKit open(Path folder) {
    return new ShopTestKit(folder);
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
  public OrderStatus awaitStage(String orderId, Stage stage) throws InterruptedException {
    return awaitStatus(orderId, status -> status.stage() == stage);
  }

  /** Waits until the order's status query answers as {@code wanted}. */
  public OrderStatus awaitStatus(String orderId, Predicate<OrderStatus> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    OrderStatus status = desk.status(orderId);
    while (!wanted.test(status)) {
      assertThat(System.nanoTime())
          .as("%s reached the stage; it is %s", orderId, status)
          .isLessThan(deadline);
      Thread.sleep(50);
      status = desk.status(orderId);
    }
    return status;
  }

  /** Waits for the approval mail of the order and returns its task token. */
  public String awaitApprovalToken(String orderId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (systems.managers().tokenFor(orderId).isEmpty()) {
      assertThat(System.nanoTime()).as("approval mail for %s", orderId).isLessThan(deadline);
      Thread.sleep(20);
    }
    return systems.managers().tokenFor(orderId).orElseThrow();
  }

  /** The types of the events in the latest run of {@code workflowId}. */
  public List<String> eventTypes(String workflowId) {
    return baton.history(workflowId).stream().map(HistoryEvent::type).toList();
  }

  @Override
  public void close() {
    baton.close();
  }
}
