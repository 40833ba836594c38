package dev.baton.sample.order.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.Baton;
import dev.baton.HistoryEvent;
import dev.baton.RunFilter;
import dev.baton.RunSummary;
import dev.baton.WorkflowHandle;
import dev.baton.WorkflowStatus;
import dev.baton.sample.order.Address;
import dev.baton.sample.order.FulfilmentPolicy;
import dev.baton.sample.order.Order;
import dev.baton.sample.order.OrderDesk;
import dev.baton.sample.order.OrderLine;
import dev.baton.sample.order.OrderOutcome;
import dev.baton.sample.order.Outcome;
import dev.baton.sample.order.ShopSettings;
import dev.baton.sample.order.app.OrderFulfilmentApp;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sample as separate processes on MariaDB: a worker JVM (both workers) is killed with SIGKILL
 * while it tracks the delivery; a workflow-worker JVM and an activity-worker JVM started afterwards
 * finish the order, which completes once, with each step's effect done once.
 */
class WorkerCrashTest {
  private static final String ORDER_ID = "order-crash";
  private final ObjectMapper json = new ObjectMapper();

  private static ChildJvm start(MariaDbDatabase db, String name, String role) throws Exception {
    ChildJvm child =
        ChildJvm.launch(
            name,
            OrderFulfilmentApp.class,
            "--db",
            db.url(),
            "--user",
            MariaDbDatabase.user(),
            "--password",
            MariaDbDatabase.password(),
            role);
    assertThat(child.awaitLine("READY"::equals, 120_000)).as("%s started", name).isTrue();
    return child;
  }

  @Test
  void workerKilledDuringTrackingAndTheOrderCompletesOnce() throws Exception {
    FulfilmentPolicy policy =
        new FulfilmentPolicy(
            1_000_000,
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofSeconds(1),
            Duration.ofMinutes(5),
            2);
    Order order =
        new Order(
            ORDER_ID,
            "alice@example.com",
            new Address("Alice Martin", "12 Rue Oberkampf", "75011", "Paris", "FR"),
            List.of(new OrderLine("book-1984", 1), new OrderLine("tea-green", 3)),
            "tok_visa",
            policy);
    try (MariaDbDatabase db = MariaDbDatabase.create();
        ChildJvm first = start(db, "worker-1", "worker");
        Baton baton = Baton.connect(db.url(), MariaDbDatabase.user(), MariaDbDatabase.password())) {
      OrderDesk desk = new OrderDesk(baton, new ShopSettings(policy, 3));
      WorkflowHandle<OrderOutcome> run = desk.place(order);

      assertThat(first.awaitLine(line -> line.contains("carrier says IN_TRANSIT"), 60_000))
          .as("tracking has begun")
          .isTrue();
      first.kill();
      assertThat(run.status()).isEqualTo(WorkflowStatus.RUNNING);

      try (ChildJvm decider = start(db, "workflow-worker-2", "workflow-worker");
          ChildJvm systems = start(db, "activity-worker-2", "activity-worker")) {
        OrderOutcome outcome = run.result(Duration.ofSeconds(120));

        assertThat(outcome.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(outcome.parcels()).hasSize(2);
        assertCompletedOnce(baton, ORDER_ID);
        // The effects recorded before the kill are not done again by the new workers.
        assertThat(systems.lines())
            .noneMatch(line -> line.contains("charged"))
            .noneMatch(line -> line.contains("reserved"))
            .noneMatch(line -> line.contains("collected"));
        assertThat(decider.lines()).anyMatch(line -> line.contains("DELIVERED: delivered to"));
        assertThat(first.lines()).noneMatch(line -> line.contains("DELIVERED: delivered to"));
      }
    }
  }

  /** One completed run of the order, and each of its activities completed once in history. */
  private void assertCompletedOnce(Baton baton, String orderId) throws IOException {
    List<RunSummary> runs =
        baton
            .listRuns(RunFilter.newBuilder().workflowIdPrefix(orderId).pageSize(100).build())
            .runs()
            .stream()
            .filter(r -> r.workflowId().equals(orderId))
            .toList();
    assertThat(runs).extracting(RunSummary::status).containsExactly(WorkflowStatus.COMPLETED);

    List<HistoryEvent> history = baton.history(orderId);
    assertThat(history.stream().filter(e -> e.type().equals("WorkflowExecutionCompleted")))
        .hasSize(1);
    List<Integer> scheduled = seqs(history, "ActivityTaskScheduled");
    List<Integer> completed = seqs(history, "ActivityTaskCompleted");
    assertThat(completed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(scheduled);
    List<String> activityTypes = new ArrayList<>();
    for (HistoryEvent event : history) {
      if (event.type().equals("ActivityTaskScheduled")) {
        activityTypes.add(json.readTree(event.attributesJson()).get("activityType").asText());
      }
    }
    assertThat(activityTypes)
        .containsExactlyInAnyOrder(
            "Payments.charge",
            "Warehouses.reserve",
            "Warehouses.reserve",
            "Carrier.ship",
            "Customers.mailTrackingNumber");
  }

  private List<Integer> seqs(List<HistoryEvent> history, String type) throws IOException {
    List<Integer> seqs = new ArrayList<>();
    for (HistoryEvent event : history) {
      if (event.type().equals(type)) {
        seqs.add(json.readTree(event.attributesJson()).get("seq").asInt());
      }
    }
    return seqs;
  }
}
