package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Baton;
import dev.baton.HistoryEvent;
import dev.baton.Worker;
import dev.baton.WorkflowDescription;
import dev.baton.WorkflowHandle;
import dev.baton.WorkflowStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history recorded by version 1, blocked mid-way, is replayed by three incompatible versions 2:
 * each fails the workflow task naming the event id, the recorded event and the new command, and
 * leaves history byte-for-byte unchanged; version 1 then completes the run.
 */
class NonDeterminismTest {
  @AllDatabases
  void incompatibleVersionsFailTheTaskAndLeaveHistoryUnchanged(
      DatabaseKind kind, @TempDir Path folder) throws Exception {
    CountDownLatch bStarted = new CountDownLatch(1);
    CountDownLatch releaseB = new CountDownLatch(1);
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      Worker v1 = baton.newWorker("versioned").registerWorkflow(Versioned.V1.class).start();
      baton
          .newWorker("versioned")
          .registerActivities(
              new Versioned.Ops() {
                @Override
                public String a(String input) {
                  return "a:" + input;
                }

                @Override
                public String b(String input) {
                  bStarted.countDown();
                  try {
                    releaseB.await(60, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return "b:" + input;
                }

                @Override
                public String c(String input) {
                  return "c:" + input;
                }

                @Override
                public String x(String input) {
                  return "x:" + input;
                }
              })
          .start();
      WorkflowHandle<String> run = VersionedClient.of(baton).start("nd-1", "in");
      assertThat(bStarted.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(v1.shutdown(Duration.ofSeconds(10))).isTrue();
      releaseB.countDown();
      waitFor(
          () ->
              baton.history("nd-1").stream()
                  .anyMatch(
                      e ->
                          e.type().equals("ActivityTaskCompleted")
                              && e.attributesJson().contains("b:in")));
      List<HistoryEvent> recorded = baton.history("nd-1");
      assertThat(recorded.get(recorded.size() - 1).type()).isEqualTo("WorkflowTaskScheduled");
      assertThat(recorded.get(10).attributesJson()).contains("Ops.b");

      assertFailsTask(
          baton,
          Versioned.V2Swapped.class,
          11,
          "ActivityTaskScheduled Ops.b (activity #2)",
          "schedule activity Ops.x (activity #2)");
      assertThat(baton.history("nd-1")).isEqualTo(recorded);
      assertFailsTask(
          baton,
          Versioned.V2Added.class,
          5,
          "ActivityTaskScheduled Ops.a (activity #1)",
          "schedule activity Ops.x (activity #1)");
      assertThat(baton.history("nd-1")).isEqualTo(recorded);
      assertFailsTask(
          baton,
          Versioned.V2Removed.class,
          11,
          "ActivityTaskScheduled Ops.b (activity #2)",
          "schedule activity Ops.c (activity #2)");
      assertThat(baton.history("nd-1")).isEqualTo(recorded);
      assertThat(run.status()).isEqualTo(WorkflowStatus.RUNNING);

      baton.newWorker("versioned").registerWorkflow(Versioned.V1.class).start();
      assertThat(run.result(Duration.ofSeconds(90))).isEqualTo("a:in|b:in|c:in");
    }
  }

  private static void assertFailsTask(
      Baton baton, Class<?> version, long eventId, String recorded, String command)
      throws Exception {
    int attemptBefore = pendingTask(baton).attempt();
    Worker worker = baton.newWorker("versioned").registerWorkflow(version).start();
    waitFor(() -> pendingTask(baton).attempt() > attemptBefore && !pendingTask(baton).started());
    worker.shutdown(Duration.ofSeconds(10));
    String failure = pendingTask(baton).lastFailure();
    assertThat(failure)
        .as("failure recorded by %s", version.getSimpleName())
        .contains("Non-deterministic workflow code at history event " + eventId + ":")
        .contains("history holds [" + recorded + "]")
        .contains("the code now does [" + command + "]");
    assertThat(baton.describe("nd-1").stuckReason())
        .as("describe says why the run is stuck")
        .contains("Its workflow task has failed")
        .contains("Non-deterministic workflow code at history event " + eventId + ":");
  }

  private static WorkflowDescription.PendingWorkflowTask pendingTask(Baton baton) {
    WorkflowDescription.PendingWorkflowTask task = baton.describe("nd-1").pendingWorkflowTask();
    assertThat(task).isNotNull();
    return task;
  }

  private static void waitFor(Supplier<Boolean> condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.get()) {
      assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
