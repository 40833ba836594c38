package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.Baton;
import dev.baton.HistoryEvent;
import dev.baton.WorkflowFailedException;
import dev.baton.WorkflowHandle;
import dev.baton.WorkflowNotFoundException;
import dev.baton.WorkflowStatus;
import dev.baton.it.greeter.Greeter;
import dev.baton.it.greeter.GreeterClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancellation reaches workflow code as a {@code CanceledFailure} it may clean up after, scopes
 * cancel what they started, activities hear of it at their next heartbeat, children and other runs
 * are cancelled from workflow code; terminate ends a run at once.
 */
class CancellationTest {
  @TempDir Path folder;

  private static Baton withWorkers(Baton baton) {
    baton
        .newWorker("chores")
        .registerWorkflow(Cancellable.Impl.class)
        .registerActivities(new Chores.WorkImpl())
        .start();
    baton.newWorker("parents").registerWorkflow(Family.Impl.class).start();
    baton.newWorker("greeters").registerWorkflow(Greeter.Impl.class).start();
    return baton;
  }

  private static List<String> types(Baton baton, String workflowId) {
    return baton.history(workflowId).stream().map(HistoryEvent::type).toList();
  }

  private static void awaitStatus(Baton baton, String workflowId, WorkflowStatus status)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (baton.describe(workflowId).status() != status) {
      assertThat(System.nanoTime()).as("%s becomes %s", workflowId, status).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @AllDatabases
  void aCancelledWorkflowCleansUpInADetachedScopeAndEndsCancelled(DatabaseKind kind)
      throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorkers(db.open())) {
      WorkflowHandle<String> run =
          CancellableClient.of(baton).start("sleeper", "sleep-then-clean-up");
      SignalTest.waitForEvent(baton, "sleeper", "TimerStarted");

      run.cancel();

      assertThatThrownBy(() -> run.result(Duration.ofSeconds(30)))
          .isInstanceOf(WorkflowFailedException.class)
          .hasMessageContaining("CANCELLED");
      assertThat(run.status()).isEqualTo(WorkflowStatus.CANCELLED);
      assertThat(types(baton, "sleeper"))
          .containsSubsequence(
              "TimerStarted",
              "WorkflowExecutionCancelRequested",
              "TimerCanceled",
              "ActivityTaskScheduled",
              "ActivityTaskCompleted",
              "WorkflowExecutionCanceled");
      assertThat(db.queryLong("SELECT COUNT(*) FROM baton_timers")).isZero();
      java.util.Map<String, Long> before = db.tableCounts();
      assertThatThrownBy(run::cancel)
          .isInstanceOf(WorkflowNotFoundException.class)
          .hasMessageContaining("its latest run is CANCELLED");
      assertThatThrownBy(() -> baton.cancel("never-started"))
          .isInstanceOf(WorkflowNotFoundException.class)
          .hasMessageContaining("No running run of workflow 'never-started'");
      assertThatThrownBy(() -> baton.terminate("never-started", "why not"))
          .isInstanceOf(WorkflowNotFoundException.class);
      assertThat(db.tableCounts()).isEqualTo(before);
    }
  }

  @AllDatabases
  void aScopeCancelledByTheCodeCancelsItsTimer(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorkers(db.open())) {
      WorkflowHandle<String> run = CancellableClient.of(baton).start("scoped", "scope");
      SignalTest.waitForEvent(baton, "scoped", "TimerStarted");
      CancellableClient.of(baton).approve("scoped");

      assertThat(run.result(Duration.ofSeconds(30)))
          .isEqualTo("reminder cancelled before it fired");
      assertThat(types(baton, "scoped")).contains("TimerCanceled").doesNotContain("TimerFired");
    }
  }

  @AllDatabases
  void aRunningActivityHearsOfItsCancellationAtItsNextHeartbeat(DatabaseKind kind)
      throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorkers(db.open())) {
      Chores.heartbeating = new CountDownLatch(1);
      int heardBefore = Chores.CANCELS_HEARD.get();
      WorkflowHandle<String> run = CancellableClient.of(baton).start("busy", "activity");
      assertThat(Chores.heartbeating.await(30, TimeUnit.SECONDS)).isTrue();

      baton.cancel("busy");

      assertThat(run.result(Duration.ofSeconds(30)))
          .startsWith("stopped: Activity Work.heartbeatUntilCancelled was cancelled");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (Chores.CANCELS_HEARD.get() == heardBefore) {
        assertThat(System.nanoTime()).as("the heartbeat hears of it").isLessThan(deadline);
        Thread.sleep(20);
      }
      assertThat(types(baton, "busy")).contains("ActivityTaskCancelRequested");
      while (db.queryLong("SELECT COUNT(*) FROM baton_activity_tasks") > 0) {
        assertThat(System.nanoTime()).as("the cancelled task is dropped").isLessThan(deadline);
        Thread.sleep(20);
      }
    }
  }

  @AllDatabases
  void terminateEndsARunAtOnceWithItsReason(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorkers(db.open())) {
      WorkflowHandle<String> run =
          CancellableClient.of(baton).start("doomed", "sleep-then-clean-up");
      SignalTest.waitForEvent(baton, "doomed", "TimerStarted");

      baton.terminate("doomed", "an operator said so");

      assertThat(run.status()).isEqualTo(WorkflowStatus.TERMINATED);
      List<HistoryEvent> history = baton.history("doomed");
      assertThat(history.get(history.size() - 1).type()).isEqualTo("WorkflowExecutionTerminated");
      assertThat(history.get(history.size() - 1).attributesJson()).contains("an operator said so");
      assertThat(types(baton, "doomed")).doesNotContain("ActivityTaskScheduled");
      assertThat(db.queryLong("SELECT COUNT(*) FROM baton_timers")).isZero();
      assertThat(db.queryLong("SELECT COUNT(*) FROM baton_workflow_tasks")).isZero();
      assertThatThrownBy(() -> baton.terminate("doomed", "again"))
          .isInstanceOf(WorkflowNotFoundException.class);
    }
  }

  @AllDatabases
  void workflowCodeCancelsOtherRunsAndChildrenWhoseParentCloses(DatabaseKind kind)
      throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorkers(db.open())) {
      GreeterClient greeters = GreeterClient.of(baton);
      greeters.start("victim", "wait:1");
      SignalTest.waitForEvent(baton, "victim", "WorkflowTaskCompleted");
      assertThat(
              FamilyClient.of(baton)
                  .start("canceller", "cancel-other", "victim")
                  .result(Duration.ofSeconds(30)))
          .isEqualTo("cancel requested");
      awaitStatus(baton, "victim", WorkflowStatus.CANCELLED);
      assertThat(
              FamilyClient.of(baton)
                  .start("canceller-2", "cancel-other", "nobody")
                  .result(Duration.ofSeconds(30)))
          .isEqualTo("WORKFLOW_NOT_FOUND");

      assertThat(
              FamilyClient.of(baton)
                  .start("leaver", "leave-request-cancel", "left-behind")
                  .result(Duration.ofSeconds(30)))
          .isEqualTo("left left-behind");
      awaitStatus(baton, "left-behind", WorkflowStatus.CANCELLED);
      assertThat(types(baton, "left-behind")).contains("WorkflowExecutionCancelRequested");
    }
  }
}
