package dev.baton.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.baton.Baton;
import dev.baton.RunFilter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@code @BatonTest}: a fresh environment per test, injected clients, histories on failure. */
@BatonTest(
    workflows = {Timers.SleeperImpl.class, Timers.ApprovalImpl.class},
    activities = Timers.MemoryJournal.class)
class BatonExtensionTest {
  private static final String DEMO = "baton.extension-demo";

  @Test
  void injectsGeneratedClientsTheBatonAndTheEnvironment(
      Timers_SleeperClient sleepers,
      Timers_ApprovalClient approvals,
      Baton baton,
      TestWorkflowEnvironment env) {
    var run = approvals.start("approval");
    baton.signal("approval", Timers_ApprovalClient.APPROVE, "carol");

    assertThat(run.result()).isEqualTo("approved by carol");
    assertThat(sleepers.start("s", "s", List.of(60)).result())
        .isEqualTo(TestEnvironmentOptions.DEFAULT_START_TIME.plus(Duration.ofHours(1)));
    assertThat(env.baton()).isSameAs(baton);
  }

  @RepeatedTest(2)
  void eachTestGetsAFreshEnvironment(TestWorkflowEnvironment env, Timers_SleeperClient sleepers) {
    assertThat(env.currentTime()).isEqualTo(TestEnvironmentOptions.DEFAULT_START_TIME);
    assertThat(env.baton().listRuns(RunFilter.newBuilder().build()).runs()).isEmpty();

    sleepers.start("same-id", "s", List.of(5)).result();
  }

  @Test
  void aFailedTestPrintsTheHistoriesOfItsWorkflows() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setProperty(DEMO, "true");
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      EngineTestKit.engine("junit-jupiter")
          .selectors(selectClass(FailingExample.class))
          .execute()
          .testEvents()
          .assertStatistics(stats -> stats.started(1).failed(1));
    } finally {
      System.setErr(original);
      System.clearProperty(DEMO);
    }

    String printed = captured.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("Test fails(Timers_SleeperClient) failed; histories of its workflows:")
        .contains("History of workflow 'shown'")
        .contains("WorkflowExecutionStarted")
        .contains("TimerFired")
        .contains("WorkflowExecutionCompleted");
  }

  /** Fails on purpose; run only by {@link #aFailedTestPrintsTheHistoriesOfItsWorkflows}. */
  @BatonTest(workflows = Timers.SleeperImpl.class, activities = Timers.MemoryJournal.class)
  @EnabledIfSystemProperty(named = DEMO, matches = "true")
  static class FailingExample {
    @Test
    void fails(Timers_SleeperClient sleepers) {
      sleepers.start("shown", "shown", List.of(1)).result();
      fail("on purpose");
    }
  }
}
