package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Baton;
import dev.baton.HistoryEvent;
import dev.baton.WorkerOptions;
import dev.baton.WorkflowHandle;
import dev.baton.WorkflowStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FulfilmentTest {
  static final Fulfilment.Order ORDER =
      new Fulfilment.Order(
          "order-42",
          List.of(new Fulfilment.Line("apple", 3), new Fulfilment.Line("pear", 2)),
          1250);

  static Stream<Arguments> databasesAndCacheSizes() {
    return Stream.of(DatabaseKind.values())
        .flatMap(kind -> Stream.of(Arguments.of(kind, 0), Arguments.of(kind, 600)));
  }

  /** With a cache of 0 every workflow task replays the whole history. */
  @ParameterizedTest(name = "{0}, cache size {1}")
  @MethodSource("databasesAndCacheSizes")
  void threeActivityWorkflowCompletesWithTheRightResultAndHistory(
      DatabaseKind kind, int cacheSize, @TempDir Path folder) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      baton
          .newWorker("fulfilment", WorkerOptions.newBuilder().maxCachedWorkflows(cacheSize).build())
          .registerWorkflow(FulfilmentImpl.class)
          .registerActivities(new StepsImpl())
          .start();

      WorkflowHandle<Fulfilment.Receipt> run = FulfilmentClient.of(baton).start("order-42", ORDER);

      assertThat(run.result(Duration.ofSeconds(30)))
          .isEqualTo(FulfilmentImpl.expectedReceipt(ORDER));
      assertThat(run.status()).isEqualTo(WorkflowStatus.COMPLETED);
      List<HistoryEvent> history = baton.history("order-42");
      assertThat(history)
          .extracting(HistoryEvent::type)
          .containsExactlyElementsOf(ExpectedHistory.THREE_ACTIVITIES);
      assertThat(history)
          .extracting(HistoryEvent::eventId)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, history.size()).boxed().toList());
      assertThat(history.get(4).attributesJson()).contains("\"activityType\":\"Steps.reserve\"");
      assertThat(history.get(10).attributesJson()).contains("\"activityType\":\"Steps.charge\"");
      assertThat(history.get(16).attributesJson()).contains("\"activityType\":\"Steps.ship\"");
      assertThat(history.get(22).attributesJson()).contains("shipped order-42");
    }
  }

  @AllDatabases
  void resultSurvivesClosingAndReopeningTheDatabase(DatabaseKind kind, @TempDir Path folder)
      throws Exception {
    try (TestDatabase db = kind.create(folder)) {
      resultSurvivesClosingAndReopening(db);
    }
  }

  private void resultSurvivesClosingAndReopening(TestDatabase db) {
    String runId;
    try (Baton baton = db.open()) {
      baton.newWorker("fulfilment").registerWorkflow(FulfilmentImpl.class).start();
      runId = FulfilmentClient.of(baton).start("order-7", ORDER).runId();
    }
    try (Baton baton = db.open()) {
      baton
          .newWorker("fulfilment")
          .registerWorkflow(FulfilmentImpl.class)
          .registerActivities(new StepsImpl())
          .start();
      WorkflowHandle<Fulfilment.Receipt> run = FulfilmentClient.of(baton).handle("order-7");
      assertThat(run.runId()).isEqualTo(runId);
      assertThat(run.result(Duration.ofSeconds(30)))
          .isEqualTo(FulfilmentImpl.expectedReceipt(ORDER));
    }
  }

  @AllDatabases
  void manyWorkflowsRunConcurrently(DatabaseKind kind, @TempDir Path folder) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      baton
          .newWorker("fulfilment", WorkerOptions.newBuilder().maxCachedWorkflows(5).build())
          .registerWorkflow(FulfilmentImpl.class)
          .registerActivities(new StepsImpl())
          .start();
      FulfilmentClient client = FulfilmentClient.of(baton);
      List<WorkflowHandle<Fulfilment.Receipt>> runs = new ArrayList<>();
      List<Fulfilment.Order> orders = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Fulfilment.Order order =
            new Fulfilment.Order("o-" + i, List.of(new Fulfilment.Line("x", i)), i * 100);
        orders.add(order);
        runs.add(client.start(order.id(), order));
      }
      for (int i = 0; i < runs.size(); i++) {
        assertThat(runs.get(i).result(Duration.ofSeconds(60)))
            .isEqualTo(FulfilmentImpl.expectedReceipt(orders.get(i)));
      }
    }
  }
}
