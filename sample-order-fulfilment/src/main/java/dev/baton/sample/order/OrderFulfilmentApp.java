package dev.baton.sample.order;

import dev.baton.Baton;
import dev.baton.WorkflowAlreadyStartedException;
import dev.baton.WorkflowHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs the order-fulfilment sample on the embedded H2 database in {@code ./baton-data} (or the
 * folder given as the first argument): starts a worker, starts one order, prints each step and the
 * result. If an earlier run of the sample was killed mid-way, it resumes that order instead.
 */
public final class OrderFulfilmentApp {
  private OrderFulfilmentApp() {}

  /** Runs the sample. */
  public static void main(String[] args) {
    Path folder = args.length > 0 ? Path.of(args[0]) : Baton.DEFAULT_EMBEDDED_FOLDER;
    System.out.println("Baton order-fulfilment sample, embedded H2 in " + folder.toAbsolutePath());
    try (Baton baton = Baton.embedded(folder)) {
      baton
          .newWorker("orders")
          .registerWorkflow(OrderFulfilmentImpl.class)
          .registerActivities(new SampleSystems(System.out))
          .start();

      OrderFulfilment.Order order =
          new OrderFulfilment.Order(
              "order-42",
              "alice@example.com",
              List.of(
                  new OrderFulfilment.OrderLine("book-1984", 1),
                  new OrderFulfilment.OrderLine("mug-blue", 2)),
              3_480);
      OrderFulfilmentClient orders = OrderFulfilmentClient.of(baton);
      WorkflowHandle<OrderFulfilment.OrderResult> run;
      try {
        run = orders.start(order.orderId(), order);
        System.out.println("Started " + order.orderId() + " (run " + run.runId() + ")");
      } catch (WorkflowAlreadyStartedException e) {
        run = orders.handle(order.orderId());
        System.out.println("Resuming " + order.orderId() + ", left running by an earlier process");
      }
      OrderFulfilment.OrderResult result = run.result(Duration.ofMinutes(2));
      System.out.println("Result: " + result);
      System.out.println(
          "History of "
              + order.orderId()
              + ": "
              + baton.history(order.orderId()).size()
              + " events");
    }
  }
}
