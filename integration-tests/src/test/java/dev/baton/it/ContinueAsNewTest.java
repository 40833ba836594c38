package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Baton;
import dev.baton.WorkflowHandle;
import dev.baton.WorkflowStatus;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/** A periodic workflow continues as new 50 times; each run's history stays short. */
class ContinueAsNewTest {
  @TempDir Path folder;

  @AllDatabases
  void aPeriodicWorkflowContinuesAsNewFiftyTimesWithBoundedHistories(DatabaseKind kind)
      throws Exception {
    Durable.Echo echo = n -> "echo " + n;
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      baton
          .newWorker("periodic")
          .registerWorkflow(Periodic.Impl.class)
          .registerActivities(echo)
          .start();

      WorkflowHandle<Long> handle = PeriodicClient.of(baton).start("periodic", 1, 51, 0L);

      long expected = 0;
      for (int round = 1; round <= 51; round++) {
        expected += ("echo " + round).length();
      }
      assertThat(handle.result(Duration.ofSeconds(120))).isEqualTo(expected);
      assertThat(handle.status()).isEqualTo(WorkflowStatus.COMPLETED);
      assertThat(
              db.queryLong(
                  "SELECT COUNT(*) FROM baton_runs WHERE status = 'CONTINUED_AS_NEW'"
                      + " AND next_run_id IS NOT NULL"))
          .isEqualTo(50);
      assertThat(db.queryLong("SELECT MAX(next_event_id) FROM baton_runs")).isLessThan(20);
      assertThat(baton.history("periodic").get(0).attributesJson()).contains("[51,51,");
    }
  }
}
