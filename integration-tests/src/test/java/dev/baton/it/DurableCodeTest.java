package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Baton;
import dev.baton.BatonOptions;
import dev.baton.HistoryEvent;
import dev.baton.SettableTimeSource;
import dev.baton.TimeSource;
import dev.baton.WorkerOptions;
import dev.baton.WorkflowHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Durable timers, parallel branches and the deterministic helpers. */
class DurableCodeTest {
  @TempDir Path folder;

  @AllDatabases
  void aTwoHundredDaySleepCompletesAgainstTheSettableClock(DatabaseKind kind) throws Exception {
    SettableTimeSource clock = TimeSource.settable(Instant.parse("2026-01-01T00:00:00Z"));
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open(BatonOptions.newBuilder().timeSource(clock).build())) {
      baton.newWorker("durable").registerWorkflow(Durable.SleeperImpl.class).start();
      WorkflowHandle<Long> run = Durable_SleeperClient.of(baton).start("sleepy", 200);
      SignalTest.waitForEvent(baton, "sleepy", "TimerStarted");
      clock.advance(Duration.ofDays(199));
      Thread.sleep(200);
      assertThat(run.status().isClosed()).as("closed a day early").isFalse();

      clock.advance(Duration.ofDays(1));

      assertThat(run.result(Duration.ofSeconds(30))).isEqualTo(200L);
      List<String> types = baton.history("sleepy").stream().map(HistoryEvent::type).toList();
      assertThat(types.stream().filter(t -> t.equals("TimerStarted"))).hasSize(1);
      assertThat(types.stream().filter(t -> t.equals("TimerFired"))).hasSize(1);
      assertThat(db.queryLong("SELECT COUNT(*) FROM baton_timers")).isZero();
    }
  }

  @AllDatabases
  void aThreeHundredDaySleepIsLegal(DatabaseKind kind) throws Exception {
    SettableTimeSource clock = TimeSource.settable(Instant.parse("2026-01-01T00:00:00Z"));
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open(BatonOptions.newBuilder().timeSource(clock).build())) {
      baton.newWorker("durable").registerWorkflow(Durable.SleeperImpl.class).start();
      WorkflowHandle<Long> run = Durable_SleeperClient.of(baton).start("sleepier", 300);
      SignalTest.waitForEvent(baton, "sleepier", "TimerStarted");
      clock.advance(Duration.ofDays(300));
      assertThat(run.result(Duration.ofSeconds(30))).isEqualTo(300L);
    }
  }

  /**
   * Timers due at one instant are fired many to a transaction; two processes sweeping at once (two
   * Baton instances on one database and one clock) still fire each exactly once.
   */
  @AllDatabases
  void timersDueAtOneInstantFireOnceEachWhenTwoProcessesSweep(DatabaseKind kind) throws Exception {
    int sleepers = 120; // more than the timers fired in one transaction
    SettableTimeSource clock = TimeSource.settable(Instant.parse("2026-01-01T00:00:00Z"));
    BatonOptions options = BatonOptions.newBuilder().timeSource(clock).build();
    try (TestDatabase db = kind.create(folder);
        Baton first = db.open(options);
        Baton second = db.open(options)) {
      for (Baton baton : List.of(first, second)) {
        baton
            .newWorker("durable", WorkerOptions.newBuilder().workflowSlots(8).build())
            .registerWorkflow(Durable.SleeperImpl.class)
            .start();
      }
      List<WorkflowHandle<Long>> runs = new ArrayList<>();
      for (int i = 0; i < sleepers; i++) {
        runs.add(Durable_SleeperClient.of(i % 2 == 0 ? first : second).start("batch-" + i, 30));
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (db.queryLong("SELECT COUNT(*) FROM baton_timers") < sleepers) {
        assertThat(System.nanoTime()).as("all %d asleep", sleepers).isLessThan(deadline);
        Thread.sleep(20);
      }

      clock.advance(Duration.ofDays(30)); // wakes both sweepers at once

      for (int i = 0; i < sleepers; i++) {
        assertThat(runs.get(i).result(Duration.ofSeconds(60))).isEqualTo(30L);
        assertThat(first.history("batch-" + i))
            .extracting(HistoryEvent::type)
            .filteredOn("TimerFired"::equals)
            .as("TimerFired in batch-%d", i)
            .hasSize(1);
      }
      assertThat(db.queryLong("SELECT COUNT(*) FROM baton_timers")).isZero();
    }
  }

  /**
   * A run that closes in the workflow task that scheduled an activity and started a timer leaves
   * neither row behind: the closing commit deletes the rows it inserted itself.
   */
  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("dev.baton.it.DispatchMode#databasesAndModes")
  void aRunClosingInTheTaskThatScheduledWorkLeavesNoRows(DatabaseKind kind, DispatchMode mode)
      throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      Durable.Echo echo = n -> "echo " + n;
      baton
          .newWorker("durable", mode.workerOptions().build())
          .registerWorkflow(Durable.HastyImpl.class)
          .registerActivities(echo)
          .start();

      assertThat(Durable_HastyClient.of(baton).start("hasty").result(Duration.ofSeconds(30)))
          .isEqualTo("done");

      assertThat(baton.history("hasty"))
          .extracting(HistoryEvent::type)
          .contains("ActivityTaskScheduled", "TimerStarted", "WorkflowExecutionCompleted");
      assertThat(db.queryLong("SELECT COUNT(*) FROM baton_activity_tasks")).isZero();
      assertThat(db.queryLong("SELECT COUNT(*) FROM baton_timers")).isZero();
      assertThat(db.queryLong("SELECT COUNT(*) FROM baton_workflow_tasks")).isZero();
    }
  }

  /** 1,000 activities from one workflow complete in far fewer than 1,000 workflow tasks. */
  @AllDatabases
  void aFanOutOfAThousandActivitiesTakesFewWorkflowTasks(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      Durable.Echo echo = n -> "echo " + n;
      baton
          .newWorker("durable", WorkerOptions.newBuilder().activitySlots(32).build())
          .registerWorkflow(Durable.FanOutImpl.class)
          .registerActivities(echo)
          .start();

      List<String> result =
          Durable_FanOutClient.of(baton).start("wide", 1000).result(Duration.ofMinutes(5));

      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        expected.add("echo " + i);
      }
      expected.add("echo -1+echo -2");
      expected.add("echo -1+echo -2");
      assertThat(result).containsExactlyElementsOf(expected);
      long tasks =
          baton.history("wide").stream()
              .filter(e -> e.type().equals("WorkflowTaskCompleted"))
              .count();
      System.out.println(
          kind + ": a fan-out of 1,002 activities took " + tasks + " workflow tasks");
      assertThat(tasks).isLessThan(100);
    }
  }

  /**
   * With no cache every task replays the workflow from the start: random values, side effects, info
   * and time must come out as they did the first time, and the side effect runs once.
   */
  @AllDatabases
  void deterministicHelpersReplayTheSameValues(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      Durable.Echo echo = n -> "echo " + n;
      baton
          .newWorker("durable", WorkerOptions.newBuilder().maxCachedWorkflows(0).build())
          .registerWorkflow(Durable.HelpersImpl.class)
          .registerActivities(echo)
          .start();
      int sideEffectsBefore = Durable.SIDE_EFFECT_RUNS.get();

      WorkflowHandle<List<String>> run = Durable_HelpersClient.of(baton).start("helpers");
      List<String> values = run.result(Duration.ofSeconds(30));

      assertThat(Durable.SIDE_EFFECT_RUNS.get() - sideEffectsBefore).isEqualTo(1);
      assertThat(values.get(2)).isEqualTo("effect-" + Durable.SIDE_EFFECT_RUNS.get());
      assertThat(UUID.fromString(values.get(0)).version()).isEqualTo(4);
      assertThat(values.get(3)).isEqualTo("helpers|Helpers|durable|" + run.runId());
      List<HistoryEvent> history = baton.history("helpers");
      List<String> scheduledInputs =
          history.stream()
              .filter(e -> e.type().equals("ActivityTaskScheduled"))
              .map(e -> field(e.attributesJson(), "input"))
              .toList();
      assertThat(scheduledInputs)
          .as("the first run's random values, recorded as activity inputs, equal the replay's")
          .containsExactly(
              "[" + values.get(1) + "]", "[" + UUID.fromString(values.get(0)).hashCode() + "]");
      String firstTaskTime =
          field(
              history.stream()
                  .filter(e -> e.type().equals("WorkflowTaskCompleted"))
                  .findFirst()
                  .orElseThrow()
                  .attributesJson(),
              "taskTime");
      assertThat(Instant.parse(values.get(4)))
          .isEqualTo(Instant.ofEpochMilli(Long.parseLong(firstTaskTime)));
      assertThat(values.get(5))
          .as("isReplaying when the first task's code replays")
          .isEqualTo("true");
      assertThat(values.get(6)).as("isReplaying in the live task").isEqualTo("false");
      assertThat(history).extracting(HistoryEvent::type).contains("MarkerRecorded");

      // Another run draws other random values.
      WorkflowHandle<List<String>> again = Durable_HelpersClient.of(baton).start("helpers-2");
      assertThat(again.result(Duration.ofSeconds(30)).get(0)).isNotEqualTo(values.get(0));
    }
  }

  /** The raw JSON of a top-level field of an event's attributes. */
  private static String field(String json, String name) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get(name).toString();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
