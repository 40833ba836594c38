package dev.baton.sample.order.app;

import dev.baton.Baton;
import dev.baton.WorkflowAlreadyStartedException;
import dev.baton.WorkflowHandle;
import dev.baton.sample.order.Address;
import dev.baton.sample.order.Money;
import dev.baton.sample.order.Order;
import dev.baton.sample.order.OrderDesk;
import dev.baton.sample.order.OrderLine;
import dev.baton.sample.order.OrderOutcome;
import dev.baton.sample.order.ShopSettings;
import dev.baton.sample.order.ShopWorkers;
import dev.baton.sample.order.systems.ShopSystems;
import dev.baton.sample.order.web.OrderWeb;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The order-fulfilment sample's command line. Without arguments it runs the demo on embedded H2 in
 * {@code ./baton-data}; with a role it plays one part of the shop (see {@link ShopCommand#USAGE}),
 * so the web front, the workflow worker and the activity worker can run as separate processes that
 * share only the database.
 */
public final class OrderFulfilmentApp {
  private OrderFulfilmentApp() {}

  /** Runs the role the arguments name. */
  public static void main(String[] args) throws Exception {
    ShopCommand command;
    try {
      command = ShopCommand.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(ShopCommand.USAGE);
      System.exit(2);
      return;
    }
    if (command.flag("help")) {
      System.out.print(ShopCommand.USAGE);
      return;
    }
    run(command);
  }

  /** Runs {@code command}; the long-running roles return only when the process is stopped. */
  public static void run(ShopCommand command) throws Exception {
    ShopSettings settings = command.settings();
    System.out.printf(
        "Baton order-fulfilment sample: %s on %s%n", command.role(), command.databaseName());
    try (Baton baton = command.openBaton()) {
      switch (command.role()) {
        case "demo" -> demo(command, baton, settings);
        case "web" -> web(command, baton, settings);
        case "workflow-worker" -> {
          ShopWorkers.startWorkflowWorker(baton);
          serve(baton, "workflow worker on task queue orders");
        }
        case "activity-worker" -> {
          ShopWorkers.startActivityWorker(baton, systems(command, settings));
          serve(baton, "activity worker on task queue shop");
        }
        case "worker" -> {
          ShopWorkers.startWorkflowWorker(baton);
          ShopWorkers.startActivityWorker(baton, systems(command, settings));
          serve(baton, "workflow and activity workers");
        }
        case "place-order" -> placeOrder(command, baton, settings);
        default -> {
          System.err.println("Unknown role " + command.role());
          System.err.print(ShopCommand.USAGE);
        }
      }
    }
  }

  private static void demo(ShopCommand command, Baton baton, ShopSettings settings)
      throws InterruptedException {
    ShopSystems systems = systems(command, settings);
    ShopWorkers.startWorkflowWorker(baton);
    ShopWorkers.startActivityWorker(baton, systems);
    System.out.printf(
        "Orders from %s need a manager (reminder after %ss, cancelled after %ss)%n%n",
        Money.format(settings.policy().approvalThresholdCents()),
        settings.policy().remindApproverAfter().toSeconds(),
        settings.policy().cancelUnapprovedAfter().toSeconds());
    new Demo(baton, settings, systems.managers(), System.out).run();
  }

  private static void web(ShopCommand command, Baton baton, ShopSettings settings)
      throws IOException, InterruptedException {
    try (OrderWeb web = OrderWeb.start(new OrderDesk(baton, settings), command.port())) {
      serve(baton, "web endpoint on http://localhost:" + web.port());
    }
  }

  private static void placeOrder(ShopCommand command, Baton baton, ShopSettings settings) {
    List<String> args = command.arguments();
    if (args.size() < 2) {
      throw new IllegalArgumentException("place-order needs an order id and SKU=QTY lines");
    }
    List<OrderLine> lines = new ArrayList<>();
    for (String line : args.subList(1, args.size())) {
      String[] skuAndQuantity = line.split("=", 2);
      lines.add(
          new OrderLine(
              skuAndQuantity[0],
              skuAndQuantity.length == 1 ? 1 : Integer.parseInt(skuAndQuantity[1])));
    }
    String city = command.option("city", "Lyon");
    Order order =
        new Order(
            args.get(0),
            command.option("customer", "cli@example.com"),
            new Address("Command Line", "1 Rue de la Console", "69001", city, "FR"),
            lines,
            command.option("card", "tok_visa"),
            null);
    OrderDesk desk = new OrderDesk(baton, settings);
    WorkflowHandle<OrderOutcome> run;
    try {
      run = desk.place(order);
    } catch (WorkflowAlreadyStartedException e) {
      System.out.println("Refused: " + e.getMessage());
      return;
    }
    System.out.printf("Placed %s (run %s)%n", order.orderId(), run.runId());
    if (command.flag("wait")) {
      System.out.println("Outcome: " + run.result(Duration.ofDays(30)).summary());
    }
  }

  private static ShopSystems systems(ShopCommand command, ShopSettings settings) {
    return ShopSystems.create(settings.carrierQuestionsToDeliver(), command.webAddress());
  }

  /**
   * Runs until the process is stopped (Ctrl-C, SIGTERM); Baton is then closed gracefully: workers
   * finish or hand back their tasks.
   */
  private static void serve(Baton baton, String what) throws InterruptedException {
    Runtime.getRuntime().addShutdownHook(new Thread(baton::close, "close Baton"));
    System.out.println("Running " + what + "; Ctrl-C to stop");
    System.out.println("READY");
    Thread.currentThread().join(); // until the process is stopped
  }
}
