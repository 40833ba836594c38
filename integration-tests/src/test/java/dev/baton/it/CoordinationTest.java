package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.ActivityLeaseLostException;
import dev.baton.Baton;
import dev.baton.BatonOptions;
import dev.baton.HistoryEvent;
import dev.baton.SettableTimeSource;
import dev.baton.TimeSource;
import dev.baton.WorkflowDescription;
import dev.baton.WorkflowHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;

/**
 * Activity timeouts of every kind provoked for real, heartbeats whose details a retry reads, retry
 * policies visible attempt by attempt in history, and completion by task token.
 */
@SuppressWarnings("try") // the second worker only has to live while the run finishes
class CoordinationTest {
  @TempDir Path folder;

  private static Baton withWorker(Baton baton) {
    baton
        .newWorker("chores")
        .registerWorkflow(Chores.ScenarioImpl.class)
        .registerActivities(new Chores.WorkImpl())
        .start();
    return baton;
  }

  private static String run(Baton baton, String scenario) {
    return Chores_ScenarioClient.of(baton).start(scenario, scenario).result(Duration.ofSeconds(60));
  }

  private static List<HistoryEvent> events(Baton baton, String workflowId, String type) {
    return baton.history(workflowId).stream().filter(e -> e.type().equals(type)).toList();
  }

  private static long number(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
    assertThat(m.find()).as("%s in %s", field, json).isTrue();
    return Long.parseLong(m.group(1));
  }

  @AllDatabases
  void eachTimeoutKindEndsInATimedOutEventThatNamesIt(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorker(db.open())) {
      for (String which : List.of("start-to-close", "schedule-to-start", "schedule-to-close")) {
        String timeoutType = which.toUpperCase().replace('-', '_');
        assertThat(run(baton, which))
            .startsWith("failed: TimeoutFailure after ")
            .contains("timed out (" + timeoutType + ")");
        assertThat(events(baton, which, "ActivityTaskTimedOut"))
            .singleElement()
            .extracting(HistoryEvent::attributesJson)
            .asString()
            .contains("\"timeoutType\":\"" + timeoutType + "\"");
      }
    }
  }

  @AllDatabases
  void aRetryAfterAHeartbeatTimeoutReadsTheLastDetails(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorker(db.open())) {
      assertThat(run(baton, "heartbeat")).isEqualTo("resumed from 2 in attempt 2");

      assertThat(events(baton, "heartbeat", "ActivityTaskAttemptFailed"))
          .singleElement()
          .extracting(HistoryEvent::attributesJson)
          .asString()
          .contains("\"attempt\":1")
          .contains("timed out (HEARTBEAT)");
    }
  }

  @AllDatabases
  void aRetryPolicyOfFourAttemptsShowsFourAttemptsWithGrowingWaits(DatabaseKind kind)
      throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorker(db.open())) {
      assertThat(run(baton, "four-attempts")).isEqualTo("failed: Transient after 4: it fails");

      List<HistoryEvent> retried = events(baton, "four-attempts", "ActivityTaskAttemptFailed");
      assertThat(retried).hasSize(3);
      List<Long> waits = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        HistoryEvent event = retried.get(i);
        assertThat(number(event.attributesJson(), "attempt")).isEqualTo(i + 1);
        waits.add(number(event.attributesJson(), "retryAt") - event.time().toEpochMilli());
      }
      assertThat(waits).containsExactly(200L, 400L, 800L);
      assertThat(events(baton, "four-attempts", "ActivityTaskFailed"))
          .singleElement()
          .extracting(HistoryEvent::attributesJson)
          .asString()
          .contains("\"attempt\":4");

      assertThat(run(baton, "non-retryable")).isEqualTo("failed: Fatal after 1: it fails");
      assertThat(events(baton, "non-retryable", "ActivityTaskAttemptFailed")).isEmpty();
    }
  }

  @AllDatabases
  void aHeartbeatTimeoutNotShorterThanStartToCloseFailsTheTaskAndSchedulesNothing(DatabaseKind kind)
      throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorker(db.open())) {
      Chores_ScenarioClient.of(baton).start("not-shorter", "heartbeat-not-shorter");
      WorkflowDescription.PendingWorkflowTask task = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while ((task == null || task.lastFailure() == null) && System.nanoTime() < deadline) {
        Thread.sleep(20);
        task = baton.describe("not-shorter").pendingWorkflowTask();
      }
      assertThat(task).isNotNull();
      assertThat(task.lastFailure())
          .contains(
              "heartbeat timeout of PT5S, not shorter than its start-to-close timeout of PT5S");
      Map<String, Long> counts = db.tableCounts();
      assertThat(counts.get("baton_activity_tasks")).isZero();
      assertThat(baton.history("not-shorter"))
          .extracting(HistoryEvent::type)
          .containsExactly("WorkflowExecutionStarted", "WorkflowTaskScheduled");
    }
  }

  /**
   * The human-approval pattern: the activity hands out its token and returns; the workflow waits
   * 300 days (on the settable clock) until someone completes it. Reused, foreign and malformed
   * tokens are rejected.
   */
  @AllDatabases
  void anActivityCompletedByTokenMonthsLater(DatabaseKind kind) throws Exception {
    SettableTimeSource clock = TimeSource.settable(Instant.parse("2026-01-01T00:00:00Z"));
    try (TestDatabase db = kind.create(folder);
        Baton baton = withWorker(db.open(BatonOptions.newBuilder().timeSource(clock).build()))) {
      Chores.TOKENS.clear();
      WorkflowHandle<String> run = Chores_ScenarioClient.of(baton).start("approve", "approval");
      String token = Chores.TOKENS.poll(30, TimeUnit.SECONDS);
      assertThat(token).isNotNull();
      clock.advance(Duration.ofDays(300));
      Thread.sleep(1_500); // the sweeper runs, and must not time the activity out
      assertThat(run.status().isClosed()).isFalse();

      baton.activityCompletion().heartbeat(token, "still deciding");
      baton.activityCompletion().complete(token, "approved by alice");

      assertThat(run.result(Duration.ofSeconds(30))).isEqualTo("approved by alice");
      Map<String, Long> before = db.tableCounts();
      assertThatThrownBy(() -> baton.activityCompletion().complete(token, "again"))
          .isInstanceOf(ActivityLeaseLostException.class)
          .hasMessageContaining("This task token was used already");
      String foreign =
          token.replaceFirst("bt1:[0-9a-f-]{36}", "bt1:" + java.util.UUID.randomUUID());
      assertThatThrownBy(() -> baton.activityCompletion().complete(foreign, "x"))
          .isInstanceOf(ActivityLeaseLostException.class);
      assertThatThrownBy(() -> baton.activityCompletion().heartbeat(foreign, null))
          .isInstanceOf(ActivityLeaseLostException.class);
      assertThatThrownBy(() -> baton.activityCompletion().fail("bt1:not-a-token", new Exception()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Not a Baton task token");
      assertThat(db.tableCounts()).isEqualTo(before);
    }
  }

  /**
   * The token of an activity run by a worker JVM that is then killed is completed from this JVM; a
   * new worker JVM finishes the workflow.
   */
  @AllDatabases
  void aTokenIsCompletedFromAnotherJvmAfterTheWorkerWasKilled(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        ChildJvm first = featureWorker(db, "token-1");
        Baton baton = db.open()) {
      WorkflowHandle<String> run = Chores_ScenarioClient.of(baton).start("by-token", "approval");
      assertThat(first.awaitLine(line -> line.startsWith("TOKEN "), 60_000)).isTrue();
      String token =
          first.lines().stream()
              .filter(line -> line.startsWith("TOKEN "))
              .findFirst()
              .orElseThrow()
              .substring("TOKEN ".length());
      first.kill();
      try (ChildJvm second = featureWorker(db, "token-2")) {
        baton.activityCompletion().complete(token, "approved after a restart");
        assertThat(run.result(Duration.ofSeconds(60))).isEqualTo("approved after a restart");
        assertThat(events(baton, "by-token", "ActivityTaskCompleted")).hasSize(1);
      }
    }
  }

  private static ChildJvm featureWorker(TestDatabase db, String name) throws Exception {
    ChildJvm child = ChildJvm.launch(name, FeatureWorker.class, List.of(), db.spec());
    assertThat(child.awaitLine("READY"::equals, 120_000)).as("%s started", name).isTrue();
    return child;
  }
}
