package dev.baton.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.HistoryEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The guard fails forbidden calls in workflow code, naming them, and never fires in activities. */
class DeterminismGuardTest {
  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.create();

  @BeforeEach
  void startWorker() {
    env.newWorker("careless")
        .registerWorkflow(Careless.Workflow1Impl.class)
        .registerWorkflow(Careless.DelegatingImpl.class)
        .registerActivities(new Careless.ChoresImpl())
        .start();
  }

  @AfterEach
  void close() {
    env.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "currentTimeMillis | System.currentTimeMillis() | Workflows.currentTime()",
        "methodReference   | System.currentTimeMillis() | Workflows.currentTime()",
        "sleep             | Thread.sleep(...)          | Workflows.sleep(Duration)",
        "random            | new Random()               | Workflows.newRandom()",
        "uuid              | UUID.randomUUID()          | Workflows.randomUUID()",
        "thread            | new Thread(...)            | Workflows.async(...)",
        "io                | Files.readString(...)      | an activity",
        "lambda            | UUID.randomUUID()          | Workflows.randomUUID()",
      })
  void aForbiddenCallFailsTheTestNamingTheCallAndItsReplacement(
      String what, String call, String replacement) {
    var client = Careless_Workflow1Client.of(env.baton());
    var run = client.start("careless-" + what, what);

    assertThatThrownBy(run::result)
        .isInstanceOf(WorkflowTaskFailedError.class)
        .hasMessageContaining("Workflow code called " + call)
        .hasMessageContaining("Careless$Workflow1Impl")
        .hasMessageContaining("Use " + replacement);
    // The call never ran: no result, no history beyond the first workflow task.
    assertThat(env.history("careless-" + what))
        .extracting(HistoryEvent::type)
        .doesNotContain("WorkflowExecutionCompleted");
  }

  @Test
  void deterministicCallsAndASeededRandomAreAllowed() {
    var client = Careless_Workflow1Client.of(env.baton());

    assertThat(client.start("seeded", "seededRandom").result()).startsWith("drew ");
    assertThat(client.start("deterministic", "deterministic").result())
        .startsWith("at " + TestEnvironmentOptions.DEFAULT_START_TIME);
  }

  @Test
  void theGuardStaysSilentInActivityCode() {
    String result = Careless_DelegatingClient.of(env.baton()).start("chores").result();

    assertThat(result).isEqualTo("donetruetruetrue");
  }

  @Test
  void aWorkflowClassThatIsItsOwnTypeIsGuardedToo() {
    try (TestWorkflowEnvironment other = TestWorkflowEnvironment.create()) {
      other.newWorker("careless").registerWorkflow(Careless.SelfContained.class).start();

      assertThatThrownBy(
              () -> Careless_SelfContainedClient.of(other.baton()).start("self").result())
          .isInstanceOf(WorkflowTaskFailedError.class)
          .hasMessageContaining("UUID.randomUUID()");
    }
  }

  @Test
  void anExceptionInWorkflowCodeFailsTheWaitAtOnceWithTheReason() {
    var run = Careless_Workflow1Client.of(env.baton()).start("buggy", "no-such-call");

    assertThatThrownBy(run::result)
        .isInstanceOf(WorkflowTaskFailedError.class)
        .hasMessageContaining("Workflow task of 'buggy' on task queue 'careless' failed")
        .hasMessageContaining("IllegalArgumentException: no-such-call");
  }

  @Test
  void theGuardCanBeTurnedOff() {
    try (TestWorkflowEnvironment unguarded =
        TestWorkflowEnvironment.create(
            TestEnvironmentOptions.newBuilder().determinismGuard(false).build())) {
      unguarded.newWorker("careless").registerWorkflow(Careless.Workflow1Impl.class).start();

      assertThat(Careless_Workflow1Client.of(unguarded.baton()).start("u", "uuid").result())
          .startsWith("made ");
    }
  }
}
