package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.Baton;
import dev.baton.WorkflowAlreadyStartedException;
import dev.baton.WorkflowIdReusePolicy;
import dev.baton.WorkflowOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The workflow id reuse policy decides whether a closed id may start again. */
class IdReuseTest {
  @TempDir Path folder;

  private static WorkflowOptions with(String workflowId, WorkflowIdReusePolicy policy) {
    return WorkflowOptions.newBuilder(workflowId).idReusePolicy(policy).build();
  }

  @AllDatabases
  void eachPolicyAllowsWhatItSays(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      baton.newWorker("retried").registerWorkflow(Retried.Impl.class).start();
      RetriedClient client = RetriedClient.of(baton);
      client.start("done", 1, "Flaky").result(Duration.ofSeconds(30));
      try {
        client.start("failed", 5, "Flaky").result(Duration.ofSeconds(30));
      } catch (RuntimeException expected) {
        // the run failed, as intended
      }
      Map<String, Long> before = db.tableCounts();

      assertThatThrownBy(
              () -> client.start(with("done", WorkflowIdReusePolicy.REJECT_DUPLICATE), 1, "Flaky"))
          .isInstanceOf(WorkflowAlreadyStartedException.class)
          .hasMessageContaining("its latest run is COMPLETED")
          .hasMessageContaining("REJECT_DUPLICATE");
      assertThatThrownBy(
              () ->
                  client.start(
                      with("done", WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY), 1, "Flaky"))
          .isInstanceOf(WorkflowAlreadyStartedException.class)
          .hasMessageContaining("ALLOW_DUPLICATE_FAILED_ONLY");
      assertThatThrownBy(
              () ->
                  client.start(with("failed", WorkflowIdReusePolicy.REJECT_DUPLICATE), 1, "Flaky"))
          .isInstanceOf(WorkflowAlreadyStartedException.class);
      assertThat(db.tableCounts()).isEqualTo(before);

      assertThat(
              client
                  .start(with("failed", WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY), 1, "F")
                  .result(Duration.ofSeconds(30)))
          .isEqualTo("succeeded on attempt 1");
      assertThat(
              client
                  .start(with("done", WorkflowIdReusePolicy.ALLOW_DUPLICATE), 1, "F")
                  .result(Duration.ofSeconds(30)))
          .isEqualTo("succeeded on attempt 1");
    }
  }
}
