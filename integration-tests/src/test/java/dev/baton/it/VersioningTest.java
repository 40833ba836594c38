package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Baton;
import dev.baton.HistoryEvent;
import dev.baton.WorkerOptions;
import dev.baton.WorkflowDescription;
import dev.baton.WorkflowHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Workflows.getVersion}: a history recorded before a change replays after it, a run that
 * reaches the change records its version, and a history older than the code supports fails its
 * workflow task saying so.
 */
class VersioningTest {
  @TempDir Path folder;

  @AllDatabases
  void oldHistoriesReplayAfterAChangeAndTooOldOnesFailClearly(DatabaseKind kind) throws Exception {
    Durable.Echo echo = n -> "echo " + n;
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      baton
          .newWorker("upgrades", WorkerOptions.newBuilder().maxCachedWorkflows(0).build())
          .registerWorkflow(Upgradable.Impl.class)
          .registerActivities(echo)
          .start();
      Upgradable.DEPLOYED[0] = 1;
      UpgradableClient client = UpgradableClient.of(baton);
      WorkflowHandle<List<String>> before = client.start("before");
      WorkflowHandle<List<String>> tooOld = client.start("too-old");
      SignalTest.waitForEvent(baton, "before", "ActivityTaskCompleted");
      SignalTest.waitForEvent(baton, "too-old", "ActivityTaskCompleted");
      waitForIdle(baton, "before");
      waitForIdle(baton, "too-old");

      Upgradable.DEPLOYED[0] = 2;
      client.proceed("before");
      assertThat(before.result(Duration.ofSeconds(30))).containsExactly("echo 1", "echo 2");
      WorkflowHandle<List<String>> after = client.start("after");
      SignalTest.waitForEvent(baton, "after", "MarkerRecorded");
      client.proceed("after");
      assertThat(after.result(Duration.ofSeconds(30)))
          .containsExactly("echo 1", "echo 3", "echo 2");
      assertThat(baton.history("after").stream().map(HistoryEvent::attributesJson))
          .anyMatch(
              json ->
                  json.contains("\"markerName\":\"Version\"")
                      && json.contains("\"changeId\":\"add-step-c\""));

      Upgradable.DEPLOYED[0] = 3;
      client.proceed("too-old");
      WorkflowDescription.PendingWorkflowTask task = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while ((task == null || task.lastFailure() == null) && System.nanoTime() < deadline) {
        Thread.sleep(20);
        task = baton.describe("too-old").pendingWorkflowTask();
      }
      assertThat(task).isNotNull();
      assertThat(task.lastFailure())
          .contains("uses version -1 (recorded before the change) of change 'add-step-c'")
          .contains("supports only 1..1");
    }
  }

  /** Waits until the run's workflow task has completed and none is pending. */
  private static void waitForIdle(Baton baton, String workflowId) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (baton.describe(workflowId).pendingWorkflowTask() != null) {
      assertThat(System.nanoTime()).as("%s idle", workflowId).isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
