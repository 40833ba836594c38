package dev.baton.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.ResultTimeoutException;
import dev.baton.WorkflowFailedException;
import dev.baton.WorkflowOptions;
import dev.baton.WorkflowStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The environment's other duties: queries, completion by token, options, bad input. */
class EnvironmentTest {
  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.create();
  private final Timers.TokenInbox inbox = new Timers.TokenInbox();

  @BeforeEach
  void startWorker() {
    env.newWorker("timers")
        .registerWorkflow(Timers.ApprovalImpl.class)
        .registerWorkflow(Timers.AskingImpl.class)
        .registerActivities(inbox)
        .start();
  }

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void queriesAnswerFromTheWorkflowsCurrentState() {
    Timers_ApprovalClient approvals = Timers_ApprovalClient.of(env.baton());
    approvals.start("approval");
    env.sleep(Duration.ZERO);
    assertThat(approvals.approver("approval")).isEqualTo("nobody");

    approvals.approve("approval", "erin");
    env.sleep(Duration.ZERO);

    assertThat(approvals.approver("approval")).isEqualTo("erin");
  }

  @Test
  void anActivityCompletedByTokenReturnsWhatTheTestSends() {
    var run = Timers_AskingClient.of(env.baton()).start("ask", "ship?");
    env.sleep(Duration.ofHours(1)); // nothing runs: the activity waits for its token

    assertThat(inbox.tokens).hasSize(1);
    env.baton().activityCompletion().complete(inbox.tokens.get(0), "yes");

    assertThat(run.result()).isEqualTo("yes");
  }

  @Test
  void anActivityNobodyCompletesTimesOutInVirtualTime() {
    var run = Timers_AskingClient.of(env.baton()).start("ask", "ship?");

    assertThat(run.result())
        .isEqualTo(
            "no answer by " + TestEnvironmentOptions.DEFAULT_START_TIME.plus(Duration.ofDays(1)));
  }

  @Test
  void aRunThatWaitsForASignalThatNeverComesIsEndedByItsExecutionTimeout() {
    env.newWorker("orders")
        .registerWorkflow(Orders.OrderImpl.class)
        .registerActivities(new Orders.StepsImpl())
        .start();
    var run = Orders_OrderClient.of(env.baton()).start("unapproved", "unapproved");

    assertThatThrownBy(run::result).isInstanceOf(WorkflowFailedException.class);
    assertThat(run.status()).isEqualTo(WorkflowStatus.TIMED_OUT);
    assertThat(env.currentTime())
        .isEqualTo(TestEnvironmentOptions.DEFAULT_START_TIME.plus(Duration.ofDays(365)));
  }

  @Test
  void resultGivesUpAfterItsWallClockTimeout() {
    var run = Timers_ApprovalClient.of(env.baton()).start("approval");

    // Zero wall-clock time: the wait ends before the first workflow task could have finished.
    assertThatThrownBy(() -> run.result(Duration.ZERO))
        .isInstanceOf(ResultTimeoutException.class)
        .hasMessageContaining("wall-clock");
  }

  @Test
  void aRunGoesOnOnANewWorkerAfterItsWorkerStopped() {
    try (TestWorkflowEnvironment other = TestWorkflowEnvironment.create()) {
      Timers.MemoryJournal journal = new Timers.MemoryJournal();
      var first =
          other
              .newWorker("timers")
              .registerWorkflow(Timers.SleeperImpl.class)
              .registerActivities(journal)
              .start();
      var run = Timers_SleeperClient.of(other.baton()).start("moved", "m", List.of(10, 10));
      other.sleep(Duration.ofMinutes(15));
      first.shutdown(Duration.ofSeconds(5));

      // The task after the second timer is sticky to the stopped worker until its stickiness
      // ends (seconds of virtual time); the new worker then replays the history it never saw.
      other
          .newWorker("timers")
          .registerWorkflow(Timers.SleeperImpl.class)
          .registerActivities(journal)
          .start();

      assertThat(run.result())
          .isBetween(
              TestEnvironmentOptions.DEFAULT_START_TIME.plus(Duration.ofMinutes(20)),
              TestEnvironmentOptions.DEFAULT_START_TIME.plus(Duration.ofMinutes(21)));
      assertThat(journal.entries).hasSize(2);
    }
  }

  @Test
  void aWaitThatTimesOutSaysWhatTheEngineWaitsFor() {
    var run =
        Timers_ApprovalClient.of(env.baton())
            .start(WorkflowOptions.newBuilder("lost").taskQueue("nobody-polls-this").build());

    assertThatThrownBy(() -> run.result(Duration.ofMillis(200)))
        .isInstanceOf(ResultTimeoutException.class)
        .hasMessageContaining(
            "a workflow task of 'lost' on task queue 'nobody-polls-this' waits for a worker");
  }

  @Test
  void sleepFailsWhenTheWorkflowsDoNotBecomeIdleInTime() {
    try (TestWorkflowEnvironment other =
        TestWorkflowEnvironment.create(
            TestEnvironmentOptions.newBuilder().resultTimeout(Duration.ofMillis(200)).build())) {
      other.newWorker("timers").registerWorkflow(Timers.ApprovalImpl.class).start();
      Timers_ApprovalClient.of(other.baton())
          .start(WorkflowOptions.newBuilder("stuck").taskQueue("nobody-polls-this").build());

      assertThatThrownBy(() -> other.sleep(Duration.ZERO))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("did not become idle")
          .hasMessageContaining("a workflow task of 'stuck'");
    }
  }

  @Test
  void badInputIsRejectedClearly() {
    assertThatThrownBy(() -> env.sleep(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("duration");
    assertThatThrownBy(() -> env.sleep(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> env.newWorker(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("taskQueue");
    assertThatThrownBy(() -> env.formatHistory(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("workflowId");
    assertThatThrownBy(() -> TestWorkflowEnvironment.create(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("options");
    assertThatThrownBy(() -> TestEnvironmentOptions.newBuilder().resultTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> env.newWorker("x").registerWorkflow(String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a workflow");
  }
}
