package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.ActivityOptions;
import dev.baton.Baton;
import dev.baton.RetryOptions;
import dev.baton.WorkerOptions;
import dev.baton.WorkflowNotFoundException;
import dev.baton.WorkflowOptions;
import dev.baton.Workflows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the public API — null ids, negative durations, calls from the wrong place — gets a
 * clear exception and changes nothing stored.
 */
class ApiBadInputTest {
  @TempDir Path folder;

  @AllDatabases
  void clientCallsWithBadArgumentsChangeNothing(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      baton.newWorker("inbox").registerWorkflow(Inbox.Impl.class).start();
      InboxClient inbox = InboxClient.of(baton);
      inbox.start("present", 0L);
      SignalTest.waitForEvent(baton, "present", "WorkflowTaskCompleted");
      Map<String, Long> before = db.tableCounts();

      assertThatThrownBy(() -> inbox.start((String) null, 0L))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("workflowId");
      assertThatThrownBy(() -> inbox.start("", 0L))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must not be empty");
      assertThatThrownBy(() -> inbox.handle("absent"))
          .isInstanceOf(WorkflowNotFoundException.class)
          .hasMessageContaining("absent");
      assertThatThrownBy(() -> baton.history("absent"))
          .isInstanceOf(WorkflowNotFoundException.class);
      assertThatThrownBy(() -> baton.describe("absent"))
          .isInstanceOf(WorkflowNotFoundException.class);
      assertThatThrownBy(() -> inbox.count("present", Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("timeout must be positive");
      assertThatThrownBy(() -> inbox.count("absent")).isInstanceOf(WorkflowNotFoundException.class);
      assertThatThrownBy(() -> baton.signal("present", null))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("signal");
      assertThatThrownBy(() -> baton.activityCompletion().complete("not-a-token", "x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Not a Baton task token");
      assertThatThrownBy(() -> StepsStub.local(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("call local() for the options each activity declares");
      assertThatThrownBy(() -> StepsStub.create(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("call create() for the options each activity declares");
      assertThatThrownBy(() -> WorkflowOptions.newBuilder("w").requestId("").build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("requestId");

      assertThat(db.tableCounts()).isEqualTo(before);
    }
  }

  @Test
  void optionsRefuseNegativeAndEmptyValues() {
    assertThatThrownBy(() -> ActivityOptions.newBuilder().startToClose(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("startToClose must be positive");
    assertThatThrownBy(() -> RetryOptions.newBuilder().backoffCoefficient(0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backoffCoefficient must be at least 1.0");
    assertThatThrownBy(() -> RetryOptions.newBuilder().maximumAttempts(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maximumAttempts");
    assertThatThrownBy(() -> WorkerOptions.newBuilder().workflowSlots(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workflowSlots must be at least 1");
    assertThatThrownBy(() -> WorkerOptions.newBuilder().workflowTaskTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workflowTaskTimeout must be positive");
  }

  @Test
  void workflowApiOutsideWorkflowCodeSaysWhere() {
    assertThatThrownBy(() -> Workflows.sleep(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("may only be called from workflow code");
    assertThatThrownBy(Workflows::currentTime)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("may only be called from workflow code");
  }

  @AllDatabases
  void aNegativeSleepFailsTheWorkflowTaskWithTheReason(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      baton.newWorker("durable").registerWorkflow(Durable.SleeperImpl.class).start();
      Durable_SleeperClient.of(baton).start("backwards", -1);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      String failure = null;
      while (failure == null) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        var task = baton.describe("backwards").pendingWorkflowTask();
        failure = task == null ? null : task.lastFailure();
        Thread.sleep(20);
      }
      assertThat(failure).contains("must not be negative");
      assertThat(baton.history("backwards"))
          .extracting(e -> e.type())
          .containsExactly("WorkflowExecutionStarted", "WorkflowTaskScheduled");
    }
  }
}
