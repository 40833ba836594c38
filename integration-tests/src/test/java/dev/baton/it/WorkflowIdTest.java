package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Baton;
import dev.baton.WorkflowHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** Workflow ids are compared byte for byte and stored as given. */
class WorkflowIdTest {
  @AllDatabases
  void idsDifferingInCaseOrTrailingSpaceAreDifferentWorkflows(
      DatabaseKind kind, @TempDir Path folder) throws Exception {
    List<String> ids =
        List.of(
            "Order-42",
            "order-42",
            "order-42 ",
            "it's \"quoted\"; DROP TABLE baton_runs; --",
            "Bestellung-Größe-ß-🚚-注文");
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      baton
          .newWorker("fulfilment")
          .registerWorkflow(FulfilmentImpl.class)
          .registerActivities(new StepsImpl())
          .start();
      FulfilmentClient client = FulfilmentClient.of(baton);
      for (String id : ids) {
        client.start(id, order(id)); // none collides with another
      }
      for (String id : ids) {
        WorkflowHandle<Fulfilment.Receipt> run = client.handle(id);
        assertThat(run.result(Duration.ofSeconds(30)))
            .as("result of %s", id)
            .isEqualTo(FulfilmentImpl.expectedReceipt(order(id)));
        assertThat(baton.describe(id).workflowId()).isEqualTo(id);
        assertThat(run.workflowId()).isEqualTo(id);
      }
      assertThat(db.queryLong("SELECT COUNT(*) FROM baton_runs")).isEqualTo(ids.size());
    }
  }

  private static Fulfilment.Order order(String id) {
    return new Fulfilment.Order(id, List.of(new Fulfilment.Line("sku", id.length())), id.length());
  }
}
