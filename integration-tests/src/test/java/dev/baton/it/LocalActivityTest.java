package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Baton;
import dev.baton.HistoryEvent;
import dev.baton.WorkerOptions;
import dev.baton.WorkflowDescription;
import dev.baton.WorkflowHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local activities: run by the workflow's own worker inside the workflow task, recorded as markers,
 * replayed from them, retried by policy in the worker or after a durable timer.
 */
class LocalActivityTest {
  @TempDir Path folder;

  private static List<String> types(Baton baton, String workflowId) {
    return baton.history(workflowId).stream().map(HistoryEvent::type).toList();
  }

  private static List<String> markers(Baton baton, String workflowId) {
    return baton.history(workflowId).stream()
        .filter(e -> e.type().equals("MarkerRecorded"))
        .map(HistoryEvent::attributesJson)
        .toList();
  }

  private static Baton startWorker(Baton baton, WorkerOptions options, Local.ToolsImpl tools) {
    baton
        .newWorker("local", options)
        .registerWorkflow(Local.PipelineImpl.class)
        .registerWorkflow(Local.RetryingImpl.class)
        .registerWorkflow(Local.ParallelImpl.class)
        .registerWorkflow(Local.ContextImpl.class)
        .registerActivities(tools)
        .start();
    return baton;
  }

  @AllDatabases
  void sequentialLocalActivitiesAreMarkersOfOneWorkflowTask(DatabaseKind kind) throws Exception {
    Local.ToolsImpl tools = new Local.ToolsImpl();
    try (TestDatabase db = kind.create(folder);
        Baton baton = startWorker(db.open(), WorkerOptions.getDefault(), tools)) {
      Local_PipelineClient pipeline = Local_PipelineClient.of(baton);
      WorkflowHandle<List<String>> run = pipeline.start("seq", List.of("a", "b", "c"));
      SignalTest.waitForEvent(baton, "seq", "WorkflowTaskCompleted");

      assertThat(types(baton, "seq"))
          .containsExactly(
              "WorkflowExecutionStarted",
              "WorkflowTaskScheduled",
              "WorkflowTaskStarted",
              "WorkflowTaskCompleted",
              "MarkerRecorded",
              "MarkerRecorded",
              "MarkerRecorded");
      assertThat(markers(baton, "seq"))
          .allSatisfy(
              json ->
                  assertThat(json)
                      .contains("\"markerName\":\"LocalActivity\"")
                      .contains("\"activityType\":\"Tools.tag\"")
                      .contains("\"attempt\":1"));
      assertThat(db.queryLong("SELECT COUNT(*) FROM baton_activity_tasks")).isZero();

      pipeline.proceed("seq");
      assertThat(run.result(Duration.ofSeconds(30))).containsExactly("[a]", "[b]", "[c]", "[last]");
      assertThat(tools.tagCalls).hasValue(4);
    }
  }

  /** With no cache the second task replays the first: its markers, not new calls. */
  @AllDatabases
  void replayReturnsRecordedOutcomesWithoutCallingAgain(DatabaseKind kind) throws Exception {
    Local.ToolsImpl tools = new Local.ToolsImpl();
    WorkerOptions noCache = WorkerOptions.newBuilder().maxCachedWorkflows(0).build();
    try (TestDatabase db = kind.create(folder);
        Baton baton = startWorker(db.open(), noCache, tools)) {
      Local_PipelineClient pipeline = Local_PipelineClient.of(baton);
      WorkflowHandle<List<String>> run = pipeline.start("replayed", List.of("x", "y"));
      SignalTest.waitForEvent(baton, "replayed", "WorkflowTaskCompleted");
      assertThat(tools.tagCalls).hasValue(2);

      pipeline.proceed("replayed");

      assertThat(run.result(Duration.ofSeconds(30))).containsExactly("[x]", "[y]", "[last]");
      assertThat(tools.tagCalls).as("x and y replayed from markers").hasValue(3);
    }
  }

  @AllDatabases
  void failedAttemptsAreRetriedInTheWorker(DatabaseKind kind) throws Exception {
    Local.ToolsImpl tools = new Local.ToolsImpl();
    try (TestDatabase db = kind.create(folder);
        Baton baton = startWorker(db.open(), WorkerOptions.getDefault(), tools)) {
      String result =
          Local_RetryingClient.of(baton)
              .start("retried", "k1", 2, 5, 10_000L)
              .result(Duration.ofSeconds(30));

      assertThat(result).isEqualTo("ok on attempt 3");
      assertThat(tools.attempts.get("k1")).hasValue(3);
      assertThat(markers(baton, "retried")).singleElement().asString().contains("\"attempt\":3");
      assertThat(types(baton, "retried")).doesNotContain("TimerStarted");
    }
  }

  /** A wait longer than the local retry threshold is a durable timer between workflow tasks. */
  @AllDatabases
  void aLongerWaitBetweenAttemptsIsADurableTimer(DatabaseKind kind) throws Exception {
    Local.ToolsImpl tools = new Local.ToolsImpl();
    try (TestDatabase db = kind.create(folder);
        Baton baton = startWorker(db.open(), WorkerOptions.getDefault(), tools)) {
      String result =
          Local_RetryingClient.of(baton)
              .start("timed", "k2", 2, 5, 0L)
              .result(Duration.ofSeconds(30));

      assertThat(result).isEqualTo("ok on attempt 3");
      assertThat(types(baton, "timed").stream().filter(t -> !t.startsWith("WorkflowTask")))
          .containsExactly(
              "WorkflowExecutionStarted",
              "MarkerRecorded",
              "TimerStarted",
              "TimerFired",
              "MarkerRecorded",
              "TimerStarted",
              "TimerFired",
              "MarkerRecorded",
              "WorkflowExecutionCompleted");
      List<String> markers = markers(baton, "timed");
      assertThat(markers.get(0)).contains("\"attempt\":1").contains("\"retryAfterMillis\":200");
      assertThat(markers.get(1)).contains("\"attempt\":2").contains("\"retryAfterMillis\":400");
      assertThat(markers.get(2)).contains("\"attempt\":3").doesNotContain("retryAfterMillis");
      assertThat(tools.attempts.get("k2")).hasValue(3);
    }
  }

  @AllDatabases
  void aLocalActivityFailsForGoodWhenThePolicyStops(DatabaseKind kind) throws Exception {
    Local.ToolsImpl tools = new Local.ToolsImpl();
    try (TestDatabase db = kind.create(folder);
        Baton baton = startWorker(db.open(), WorkerOptions.getDefault(), tools)) {
      String result =
          Local_RetryingClient.of(baton)
              .start("gives-up", "k3", 10, 3, 10_000L)
              .result(Duration.ofSeconds(30));

      assertThat(result).isEqualTo("failed after 3: java.lang.IllegalStateException");
      assertThat(tools.attempts.get("k3")).hasValue(3);
      assertThat(markers(baton, "gives-up")).singleElement().asString().contains("flaky failure 3");
    }
  }

  @AllDatabases
  void parallelLocalActivitiesRunAtOnceAndTimeOutByAttempt(DatabaseKind kind) throws Exception {
    Local.ToolsImpl tools = new Local.ToolsImpl();
    try (TestDatabase db = kind.create(folder);
        Baton baton = startWorker(db.open(), WorkerOptions.getDefault(), tools)) {
      List<String> together =
          Local_ParallelClient.of(baton)
              .start("together", 4, 500L, 10_000L)
              .result(Duration.ofSeconds(30));
      assertThat(together).hasSize(4).anySatisfy(s -> assertThat(s).isNotEqualTo("saw 1"));
      assertThat(markers(baton, "together")).hasSize(4);

      List<String> tooSlow =
          Local_ParallelClient.of(baton)
              .start("too-slow", 1, 5_000L, 200L)
              .result(Duration.ofSeconds(30));
      assertThat(tooSlow).containsExactly("TimeoutFailure after 2");
    }
  }

  @AllDatabases
  void aLocalActivityKnowsItsContextAndHasNoTaskToken(DatabaseKind kind) throws Exception {
    Local.ToolsImpl tools = new Local.ToolsImpl();
    try (TestDatabase db = kind.create(folder);
        Baton baton = startWorker(db.open(), WorkerOptions.getDefault(), tools)) {
      WorkflowHandle<List<String>> run = Local_ContextClient.of(baton).start("ctx");
      List<String> context = run.result(Duration.ofSeconds(30));

      assertThat(context.subList(0, 5))
          .containsExactly("ctx", run.runId(), "Tools.context", "2", "1");
      List<HistoryEvent> history = baton.history("ctx");
      assertThat(Instant.parse(context.get(5)))
          .as("scheduled in the first workflow task")
          .isBetween(history.get(0).time(), history.get(history.size() - 1).time());
      assertThat(context.get(6)).startsWith("no token: Local activity Tools.context has no");
    }
  }

  /** A local activity whose implementation is not on the workflow's worker fails the task. */
  @AllDatabases
  void anUnregisteredLocalActivityFailsTheWorkflowTask(DatabaseKind kind) throws Exception {
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      baton.newWorker("local").registerWorkflow(Local.PipelineImpl.class).start();
      Local_PipelineClient.of(baton).start("unregistered", List.of("a"));
      WorkflowDescription.PendingWorkflowTask task = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while ((task == null || task.lastFailure() == null) && System.nanoTime() < deadline) {
        Thread.sleep(20);
        task = baton.describe("unregistered").pendingWorkflowTask();
      }
      assertThat(task).isNotNull();
      assertThat(task.lastFailure())
          .contains("calls local activity Tools.tag, which is not registered on this worker")
          .contains("registerActivities");
      Map<String, Long> before = db.tableCounts();
      Thread.sleep(1_500); // the task is retried, and fails again
      assertThat(types(baton, "unregistered"))
          .containsExactly("WorkflowExecutionStarted", "WorkflowTaskScheduled");
      assertThat(db.tableCounts()).isEqualTo(before);
    }
  }

  /**
   * A local activity longer than the workflow task timeout keeps the task's lease: it runs once, in
   * the first attempt of its task.
   */
  @AllDatabases
  void aLongLocalActivityKeepsItsWorkflowTaskLease(DatabaseKind kind) throws Exception {
    Local.ToolsImpl tools = new Local.ToolsImpl();
    WorkerOptions shortTasks =
        WorkerOptions.newBuilder().workflowTaskTimeout(Duration.ofMillis(600)).build();
    try (TestDatabase db = kind.create(folder);
        Baton baton = startWorker(db.open(), shortTasks, tools)) {
      List<String> result =
          Local_ParallelClient.of(baton)
              .start("long", 1, 3_000L, 10_000L)
              .result(Duration.ofSeconds(30));

      assertThat(result).containsExactly("saw 1");
      assertThat(tools.slowCalls).hasValue(1);
      assertThat(
              baton.history("long").stream()
                  .filter(e -> e.type().equals("WorkflowTaskStarted"))
                  .map(HistoryEvent::attributesJson))
          .singleElement()
          .asString()
          .contains("\"attempt\":1");
    }
  }
}
