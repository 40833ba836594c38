package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.Baton;
import dev.baton.HistoryEvent;
import dev.baton.RetryOptions;
import dev.baton.WorkflowFailedException;
import dev.baton.WorkflowHandle;
import dev.baton.WorkflowOptions;
import dev.baton.WorkflowStatus;
import dev.baton.it.greeter.Greeter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** A workflow retry policy starts a new run for a failed one, for a started workflow or a child. */
class WorkflowRetryTest {
  @TempDir Path folder;

  private static Baton withWorkers(Baton baton) {
    baton.newWorker("retried").registerWorkflow(Retried.Impl.class).start();
    baton.newWorker("parents").registerWorkflow(Family.Impl.class).start();
    baton.newWorker("greeters").registerWorkflow(Greeter.Impl.class).start();
    return baton;
  }

  private static WorkflowOptions retried(String workflowId, int attempts, String... doNotRetry) {
    return WorkflowOptions.newBuilder(workflowId)
        .retry(
            RetryOptions.newBuilder()
                .initialInterval(Duration.ofMillis(200))
                .maximumAttempts(attempts)
                .doNotRetry(doNotRetry)
                .build())
        .build();
  }

  @AllDatabases
  void aFailedRunIsRetriedAsANewRunUntilOneSucceeds(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorkers(db.open())) {
      WorkflowHandle<String> handle =
          RetriedClient.of(baton).start(retried("flaky", 4), 3, "Flaky");

      assertThat(handle.result(Duration.ofSeconds(60))).isEqualTo("succeeded on attempt 3");
      assertThat(handle.status()).isEqualTo(WorkflowStatus.COMPLETED);
      assertThat(baton.describe("flaky").runId()).isNotEqualTo(handle.runId());
      List<HistoryEvent> last = baton.history("flaky");
      assertThat(last.get(0).attributesJson()).contains("\"attempt\":3");
      assertThat(
              db.queryLong(
                  "SELECT COUNT(*) FROM baton_runs WHERE status = 'FAILED' AND next_run_id IS NOT"
                      + " NULL"))
          .isEqualTo(2);
    }
  }

  @AllDatabases
  void retriesStopAtTheMaximumAndAtANonRetryableType(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorkers(db.open())) {
      WorkflowHandle<String> exhausted =
          RetriedClient.of(baton).start(retried("exhausted", 2), 10, "Flaky");
      assertThatThrownBy(() -> exhausted.result(Duration.ofSeconds(60)))
          .isInstanceOf(WorkflowFailedException.class)
          .hasMessageContaining("attempt 2 failed");

      WorkflowHandle<String> fatal =
          RetriedClient.of(baton).start(retried("fatal", 5, "Fatal"), 10, "Fatal");
      assertThatThrownBy(() -> fatal.result(Duration.ofSeconds(60)))
          .isInstanceOf(WorkflowFailedException.class)
          .hasMessageContaining("attempt 1 failed");
      assertThat(baton.describe("fatal").runId()).isEqualTo(fatal.runId());
    }
  }

  /** The parent of a retried child hears only of the child's last run. */
  @AllDatabases
  void aRetriedChildReportsOnlyItsLastRun(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorkers(db.open())) {
      String result =
          FamilyClient.of(baton)
              .start("parent", "retried-child", "2")
              .result(Duration.ofSeconds(60));

      assertThat(result).isEqualTo("succeeded on attempt 2");
      List<String> types = baton.history("parent").stream().map(HistoryEvent::type).toList();
      assertThat(types).containsOnlyOnce("ChildWorkflowExecutionCompleted");
      assertThat(types).doesNotContain("ChildWorkflowExecutionFailed");
    }
  }
}
