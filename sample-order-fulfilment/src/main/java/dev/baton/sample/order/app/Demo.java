package dev.baton.sample.order.app;

import dev.baton.Baton;
import dev.baton.RunFilter;
import dev.baton.RunSummary;
import dev.baton.WorkflowAlreadyStartedException;
import dev.baton.WorkflowFailedException;
import dev.baton.WorkflowHandle;
import dev.baton.WorkflowStatus;
import dev.baton.sample.order.Address;
import dev.baton.sample.order.ManagerDecision;
import dev.baton.sample.order.Order;
import dev.baton.sample.order.OrderDesk;
import dev.baton.sample.order.OrderFulfilmentClient;
import dev.baton.sample.order.OrderLine;
import dev.baton.sample.order.OrderOutcome;
import dev.baton.sample.order.ShopSettings;
import dev.baton.sample.order.systems.ManagerInbox;
import dev.baton.sample.order.systems.PaymentGateway;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo: places a small order, a large one that a manager approves through the task token the
 * approval mail carries, and one whose card is declined; submits the first twice; and prints how
 * each ended. Orders that an earlier, killed demo left running are resumed and reported too.
 */
public final class Demo {
  private static final RunFilter LEFT_RUNNING =
      RunFilter.newBuilder()
          .status(WorkflowStatus.RUNNING)
          .workflowType(OrderFulfilmentClient.TYPE.name())
          .pageSize(100)
          .build();

  private final Baton baton;
  private final OrderDesk desk;
  private final ManagerInbox managers;
  private final PrintStream out;
  private final String prefix =
      "order-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMdd-HHmmss"));

  /** A demo that places orders at {@code desk} and answers approval mails from {@code managers}. */
  public Demo(Baton baton, ShopSettings settings, ManagerInbox managers, PrintStream out) {
    this.baton = baton;
    this.desk = new OrderDesk(baton, settings);
    this.managers = managers;
    this.out = out;
  }

  /** Runs the demo; returns the outcome of each order, by order id. */
  public Map<String, String> run() throws InterruptedException {
    Address alice = new Address("Alice Martin", "12 Rue Oberkampf", "75011", "Paris", "FR");
    Address bob = new Address("Bob Jones", "3 Mill Lane", "LS1 4AP", "Leeds", "GB");
    Address carol = new Address("Carol Weber", "Torstrasse 5", "10119", "Berlin", "DE");
    Order small =
        order(
            "1",
            "alice@example.com",
            alice,
            "tok_visa",
            new OrderLine("book-1984", 1),
            new OrderLine("mug-blue", 2));
    Order large =
        order(
            "2",
            "bob@example.com",
            bob,
            "tok_visa",
            new OrderLine("espresso-machine", 1),
            new OrderLine("tea-green", 4),
            new OrderLine("umbrella-red", 1));
    Order declined =
        order(
            "3",
            "carol@example.com",
            carol,
            PaymentGateway.DECLINED_TOKEN,
            new OrderLine("lamp-desk", 1),
            new OrderLine("book-1984", 2));

    Map<String, WorkflowHandle<OrderOutcome>> runs = new LinkedHashMap<>();
    for (RunSummary left : baton.listRuns(LEFT_RUNNING).runs()) {
      out.printf("Resuming %s, left running by an earlier process%n", left.workflowId());
      runs.put(left.workflowId(), desk.order(left.workflowId()));
    }
    for (Order order : List.of(small, large, declined)) {
      runs.put(order.orderId(), desk.place(order));
      out.printf("Placed %s: %s%n", order.orderId(), order.lines());
    }
    try {
      desk.place(small);
    } catch (WorkflowAlreadyStartedException e) {
      out.printf("Placed %s again (a double submit): refused by Baton%n", small.orderId());
    }

    approveAfterReminder(large.orderId());

    Map<String, String> outcomes = new LinkedHashMap<>();
    for (var run : runs.entrySet()) {
      outcomes.put(run.getKey(), describe(run.getValue()));
    }
    out.println();
    out.println("Summary");
    outcomes.forEach((id, outcome) -> out.printf("  %-20s %s%n", id, outcome));
    return outcomes;
  }

  /** Waits for the approval mail and the reminder, then answers as the manager, by task token. */
  private void approveAfterReminder(String orderId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<String> token = managers.tokenFor(orderId);
      boolean reminded =
          desk.status(orderId).timeline().stream().anyMatch(line -> line.contains("reminded"));
      if (token.isPresent() && reminded) {
        out.printf("Manager dana@shop answers the approval mail of %s: approved%n", orderId);
        desk.answer(token.get(), ManagerDecision.approve("dana@shop"));
        return;
      }
      Thread.sleep(250);
    }
    out.printf("No approval mail for %s arrived%n", orderId);
  }

  private String describe(WorkflowHandle<OrderOutcome> run) {
    try {
      return run.result(Duration.ofMinutes(1)).summary();
    } catch (WorkflowFailedException e) {
      return e.getCause().type() + ": " + e.getCause().originalMessage();
    }
  }

  private Order order(String n, String customer, Address address, String card, OrderLine... lines) {
    return new Order(prefix + "-" + n, customer, address, List.of(lines), card, null);
  }
}
