package dev.baton.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.WorkflowHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Virtual time: timers of several runs fire in their order, long sleeps end at once. */
class TimeSkippingTest {
  private static final Instant START = TestEnvironmentOptions.DEFAULT_START_TIME;

  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.create();
  private final Timers.MemoryJournal journal = new Timers.MemoryJournal();

  @AfterEach
  void close() {
    env.close();
  }

  private Timers_SleeperClient startWorker() {
    env.newWorker("timers")
        .registerWorkflow(Timers.SleeperImpl.class)
        .registerWorkflow(Timers.ApprovalImpl.class)
        .registerActivities(journal)
        .start();
    return Timers_SleeperClient.of(env.baton());
  }

  private static String at(String name, int minutes) {
    return name + "@" + START.plus(Duration.ofMinutes(minutes));
  }

  @Test
  void timersOfSeveralRunsFireInTheOrderOfTheirDueTimes() {
    Timers_SleeperClient sleepers = startWorker();

    WorkflowHandle<Instant> a = sleepers.start("a", "a", List.of(10, 50, 30));
    WorkflowHandle<Instant> b = sleepers.start("b", "b", List.of(20, 20, 60));
    WorkflowHandle<Instant> c = sleepers.start("c", "c", List.of(5, 100));

    assertThat(c.result()).isEqualTo(START.plus(Duration.ofMinutes(105)));
    assertThat(a.result()).isEqualTo(START.plus(Duration.ofMinutes(90)));
    assertThat(b.result()).isEqualTo(START.plus(Duration.ofMinutes(100)));
    assertThat(journal.entries)
        .containsExactly(
            at("c", 5),
            at("a", 10),
            at("b", 20),
            at("b", 40),
            at("a", 60),
            at("a", 90),
            at("b", 100),
            at("c", 105));
  }

  @Test
  void aThirtyDaySleepEndsAtOnceInVirtualTime() {
    Timers_SleeperClient sleepers = startWorker();

    Instant end = sleepers.start("long", "long", List.of(30 * 24 * 60)).result();

    assertThat(end).isEqualTo(START.plus(Duration.ofDays(30)));
    assertThat(env.currentTime()).isEqualTo(end);
  }

  @Test
  void anAwaitWithTimeoutEndsAfterThreeVirtualDaysWithoutASignal() {
    startWorker();
    Timers_ApprovalClient approvals = Timers_ApprovalClient.of(env.baton());

    String outcome = approvals.start("approval").result();

    assertThat(outcome).isEqualTo("timed out at " + START.plus(Duration.ofDays(3)));
  }

  @Test
  void aSignalEndsTheAwaitBeforeItsTimeout() {
    startWorker();
    Timers_ApprovalClient approvals = Timers_ApprovalClient.of(env.baton());
    WorkflowHandle<String> run = approvals.start("approval");

    env.sleep(Duration.ofDays(2));
    approvals.approve("approval", "alice");

    assertThat(run.result()).isEqualTo("approved by alice");
    assertThat(env.currentTime()).isEqualTo(START.plus(Duration.ofDays(2)));
  }

  @Test
  void childWorkflowsThatSleepEndInVirtualTimeAndInOrder() {
    env.newWorker("timers")
        .registerWorkflow(Timers.SleeperImpl.class)
        .registerWorkflow(Timers.ParentImpl.class)
        .registerActivities(journal)
        .start();

    String ends = Timers_ParentClient.of(env.baton()).start("parent", List.of(3, 1, 2)).result();

    assertThat(ends)
        .isEqualTo(
            START.plus(Duration.ofDays(3))
                + " "
                + START.plus(Duration.ofDays(1))
                + " "
                + START.plus(Duration.ofDays(2)));
    assertThat(journal.entries)
        .containsExactly(
            "child-1@" + START.plus(Duration.ofDays(1)),
            "child-2@" + START.plus(Duration.ofDays(2)),
            "child-3@" + START.plus(Duration.ofDays(3)));
  }

  @Test
  void sleepMovesTimeByHandAndFiresOnlyTheTimersDueByThen() {
    Timers_SleeperClient sleepers = startWorker();
    sleepers.start("a", "a", List.of(10, 50));

    env.sleep(Duration.ofMinutes(30));

    assertThat(journal.entries).containsExactly(at("a", 10));
    assertThat(env.currentTime()).isEqualTo(START.plus(Duration.ofMinutes(30)));
  }
}
