package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.Baton;
import dev.baton.BatonOptions;
import dev.baton.RunFilter;
import dev.baton.RunPage;
import dev.baton.RunSummary;
import dev.baton.SettableTimeSource;
import dev.baton.TimeSource;
import dev.baton.Worker;
import dev.baton.WorkflowDescription;
import dev.baton.WorkflowDescription.StepKind;
import dev.baton.WorkflowDescription.StepState;
import dev.baton.WorkflowStatus;
import dev.baton.it.greeter.Greeter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * Describe shows a run's steps with their states, its pending activities and why it is stuck;
 * listRuns filters and pages; bad filters are refused.
 */
class VisibilityTest {
  @TempDir Path folder;

  private static WorkflowDescription.Step onlyStep(Baton baton, String workflowId) {
    List<WorkflowDescription.Step> steps = baton.describe(workflowId).steps();
    assertThat(steps).hasSize(1);
    return steps.get(0);
  }

  @AllDatabases
  void describeShowsStepsPendingActivitiesAndWhyARunIsStuck(DatabaseKind kind) throws Exception {
    SettableTimeSource clock = TimeSource.settable(Instant.parse("2026-01-01T00:00:00Z"));
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open(BatonOptions.newBuilder().timeSource(clock).build())) {
      baton
          .newWorker("chores")
          .registerWorkflow(Chores.ScenarioImpl.class)
          .registerWorkflow(Cancellable.Impl.class)
          .registerActivities(new Chores.WorkImpl())
          .start();
      baton.newWorker("parents").registerWorkflow(Family.Impl.class).start();
      baton.newWorker("greeters").registerWorkflow(Greeter.Impl.class).start();

      Chores.TOKENS.clear();
      Chores_ScenarioClient.of(baton).start("waiting", "approval");
      Chores.TOKENS.take();
      WorkflowDescription waiting = baton.describe("waiting");
      assertThat(waiting.steps())
          .singleElement()
          .satisfies(
              step -> {
                assertThat(step.kind()).isEqualTo(StepKind.ACTIVITY);
                assertThat(step.name()).isEqualTo("Work.approval");
                assertThat(step.state()).isEqualTo(StepState.IN_PROGRESS);
              });
      assertThat(waiting.pendingActivities())
          .singleElement()
          .satisfies(
              activity -> {
                assertThat(activity.activityType()).isEqualTo("Work.approval");
                assertThat(activity.running()).isTrue();
                assertThat(activity.attempt()).isEqualTo(1);
              });
      assertThat(waiting.stuckReason()).isNull();

      Chores_ScenarioClient.of(baton).start("failing", "non-retryable");
      FamilyClient.of(baton).start("parent", "one", "x").result(Duration.ofSeconds(30));
      CancellableClient.of(baton).start("scoped", "scope");
      SignalTest.waitForEvent(baton, "scoped", "TimerStarted");
      CancellableClient.of(baton).approve("scoped");
      CancellableClient.of(baton).handle("scoped").result(Duration.ofSeconds(30));
      Chores_ScenarioClient.of(baton).handle("failing").result(Duration.ofSeconds(60));

      assertThat(onlyStep(baton, "failing").state()).isEqualTo(StepState.FAILED);
      assertThat(onlyStep(baton, "parent").kind()).isEqualTo(StepKind.CHILD_WORKFLOW);
      assertThat(onlyStep(baton, "parent").state()).isEqualTo(StepState.SUCCEEDED);
      assertThat(onlyStep(baton, "scoped").kind()).isEqualTo(StepKind.TIMER);
      assertThat(onlyStep(baton, "scoped").state()).isEqualTo(StepState.CANCELLED);
      assertThat(onlyStep(baton, "scoped").ended()).isNotNull();

      // No worker polls "orphans": after 10 s, describe says so.
      Worker nobody = baton.newWorker("orphans").registerWorkflow(Greeter.Impl.class).start();
      nobody.shutdown(Duration.ofSeconds(10));
      dev.baton.it.greeter.GreeterClient.of(baton)
          .start(dev.baton.WorkflowOptions.newBuilder("orphan").taskQueue("orphans").build(), "x");
      assertThat(baton.describe("orphan").stuckReason()).isNull();
      clock.advance(Duration.ofSeconds(11));
      assertThat(baton.describe("orphan").stuckReason())
          .contains("No worker has taken its workflow task from task queue 'orphans' for 11 s")
          .contains("workflow type Greeter");
    }
  }

  @AllDatabases
  void listRunsFiltersAndPages(DatabaseKind kind) throws Exception {
    SettableTimeSource clock = TimeSource.settable(Instant.parse("2026-01-01T00:00:00Z"));
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open(BatonOptions.newBuilder().timeSource(clock).build())) {
      baton.newWorker("greeters").registerWorkflow(Greeter.Impl.class).start();
      baton.newWorker("retried").registerWorkflow(Retried.Impl.class).start();
      dev.baton.it.greeter.GreeterClient greeters = dev.baton.it.greeter.GreeterClient.of(baton);
      List<String> ids = List.of("a_1", "ab1", "a%2", "b-1", "b-2");
      Instant before = null;
      for (String id : ids) {
        if (id.equals("b-1")) {
          clock.advance(Duration.ofHours(1));
          before = clock.now();
        }
        greeters.start(id, "wait:1");
      }
      RetriedClient.of(baton).start("r-done", 1, "Flaky").result(Duration.ofSeconds(30));
      Instant cut = before;

      List<String> paged = new ArrayList<>();
      String token = null;
      int pages = 0;
      do {
        RunPage page = baton.listRuns(RunFilter.newBuilder().pageSize(2).pageToken(token).build());
        page.runs().forEach(run -> paged.add(run.workflowId()));
        token = page.nextPageToken();
        pages++;
      } while (token != null);
      assertThat(paged).containsExactlyInAnyOrder("a_1", "ab1", "a%2", "b-1", "b-2", "r-done");
      assertThat(pages).isEqualTo(3);

      assertThat(ids(baton, RunFilter.newBuilder().workflowIdPrefix("a_"))).containsExactly("a_1");
      assertThat(ids(baton, RunFilter.newBuilder().workflowIdPrefix("a%"))).containsExactly("a%2");
      assertThat(ids(baton, RunFilter.newBuilder().workflowType("Retried")))
          .containsExactly("r-done");
      assertThat(ids(baton, RunFilter.newBuilder().status(WorkflowStatus.COMPLETED)))
          .containsExactly("r-done");
      assertThat(ids(baton, RunFilter.newBuilder().startedBetween(null, cut)))
          .containsExactlyInAnyOrder("a_1", "ab1", "a%2");

      Map<String, Long> counts = db.tableCounts();
      assertThatThrownBy(() -> RunFilter.newBuilder().pageSize(0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("pageSize must be 1 to 1000");
      assertThatThrownBy(() -> RunFilter.newBuilder().startedBetween(cut, cut))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("range is empty");
      assertThatThrownBy(() -> baton.listRuns(RunFilter.newBuilder().pageToken("nonsense").build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Not a page token of listRuns");
      assertThat(db.tableCounts()).isEqualTo(counts);
    }
  }

  private static List<String> ids(Baton baton, RunFilter.Builder filter) {
    return baton.listRuns(filter.build()).runs().stream().map(RunSummary::workflowId).toList();
  }
}
