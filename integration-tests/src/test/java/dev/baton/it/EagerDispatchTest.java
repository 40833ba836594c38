package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.baton.Baton;
import dev.baton.BatonOptions;
import dev.baton.HistoryEvent;
import dev.baton.WorkerOptions;
import dev.baton.WorkflowHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link WorkerOptions#eagerDispatch()}: with it, a worker that runs both a workflow and its
 * activities, in the process that starts the workflow, claims nothing: the first workflow task runs
 * before the start commits, and commits with it; each activity is leased to the worker in the
 * commit of the workflow task that schedules it; and each later workflow task runs before its
 * activity's completion commits, and commits with it, so no workflow task has a row of its own; and
 * the activity that commit leases runs next on the same thread, in the same slot. No workflow task
 * reads history. Without it every task is claimed and reads history. Claims and reads are counted
 * from outside Baton, on the statements it sends to the database.
 */
class EagerDispatchTest {
  private static final int WORKFLOWS = 5;
  private static final String ACTIVITY_CLAIMS = "activity claims";
  private static final String WORKFLOW_CLAIMS = "workflow task claims";
  private static final String HISTORY_READS = "history reads of workflow tasks";
  private static final String WORKFLOW_TASK_ROWS = "workflow task rows inserted";

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("dev.baton.it.DispatchMode#databasesAndModes")
  void eagerWorkerClaimsNothingAndReadsNoHistory(
      DatabaseKind kind, DispatchMode mode, @TempDir Path folder) throws Exception {
    CountingDataSource counting = counting();
    ThreadRecordingSteps steps = new ThreadRecordingSteps();
    try (TestDatabase db = kind.create(folder);
        HikariDataSource pool = pool(db);
        Baton baton = Baton.connect(counting.wrap(pool), BatonOptions.getDefault())) {
      baton
          .newWorker(
              "fulfilment",
              // Slots enough that one is always free for a task the worker leases to itself.
              mode.workerOptions().workflowSlots(4).build())
          .registerWorkflow(FulfilmentImpl.class)
          .registerActivities(steps)
          .start();
      FulfilmentClient client = FulfilmentClient.of(baton);
      String identity = null;
      long historyReads = 0;
      for (int i = 0; i < WORKFLOWS; i++) {
        Fulfilment.Order order = order(i);
        long readsBefore = counting.count(HISTORY_READS);
        assertThat(client.start(order.id(), order).result(Duration.ofSeconds(30)))
            .isEqualTo(FulfilmentImpl.expectedReceipt(order));
        historyReads += counting.count(HISTORY_READS) - readsBefore;
        List<HistoryEvent> history = baton.history(order.id());
        assertThat(history)
            .extracting(HistoryEvent::type)
            .containsExactlyElementsOf(ExpectedHistory.THREE_ACTIVITIES);
        for (HistoryEvent event : history) {
          if (event.type().endsWith("TaskStarted")) {
            String by = event.attributesJson().replaceAll(".*\"identity\":\"([^\"]*)\".*", "$1");
            identity = identity == null ? by : identity;
            assertThat(by).as("who started %s", event).isEqualTo(identity);
          }
        }
      }

      if (mode.eager()) {
        assertThat(counting.count(ACTIVITY_CLAIMS)).as(ACTIVITY_CLAIMS).isZero();
        // Started in this process: even the first task is leased in the start's commit.
        assertThat(counting.count(WORKFLOW_CLAIMS)).as(WORKFLOW_CLAIMS).isZero();
        // Every task works from the events its leasing commit appended.
        assertThat(historyReads).as(HISTORY_READS).isZero();
        // Each activity ran on the thread that committed the previous one, in its slot.
        for (int i = 0; i < WORKFLOWS; i++) {
          assertThat(steps.threads.get(order(i).id()))
              .as("threads that ran the activities of %s", order(i).id())
              .hasSize(1);
        }
        // No task row at all: the first workflow task ran before the start committed, and each
        // later one before the completion of its activity, and each committed with it.
        assertThat(counting.count(WORKFLOW_TASK_ROWS)).as(WORKFLOW_TASK_ROWS).isZero();
      } else {
        assertThat(counting.count(ACTIVITY_CLAIMS)).as(ACTIVITY_CLAIMS).isEqualTo(3 * WORKFLOWS);
        assertThat(counting.count(WORKFLOW_CLAIMS)).as(WORKFLOW_CLAIMS).isEqualTo(4 * WORKFLOWS);
        assertThat(historyReads).as(HISTORY_READS).isEqualTo(4 * WORKFLOWS);
        assertThat(counting.count(WORKFLOW_TASK_ROWS))
            .as(WORKFLOW_TASK_ROWS)
            .isEqualTo(4 * WORKFLOWS);
      }
    }
  }

  /**
   * With eager dispatch, a timer whose run the worker holds fires with the workflow task it wakes,
   * worked first by that worker: one commit, no task row, no claim, no history read, and the task
   * sees the timer fire no earlier than it was due. Without it, the timer's firing schedules a task
   * that is claimed and reads history.
   */
  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("dev.baton.it.DispatchMode#databasesAndModes")
  void timerFiresWithTheWorkflowTaskItWakes(
      DatabaseKind kind, DispatchMode mode, @TempDir Path folder) throws Exception {
    CountingDataSource counting = counting();
    try (TestDatabase db = kind.create(folder);
        HikariDataSource pool = pool(db);
        Baton baton = Baton.connect(counting.wrap(pool), BatonOptions.getDefault())) {
      baton
          // Slots enough that one is always free for the first task of each start.
          .newWorker("durable", mode.workerOptions().workflowSlots(4).build())
          .registerWorkflow(Durable.SleeperSecondsImpl.class)
          .start();
      for (List<HistoryEvent> history : sleepOneSecondEach(baton, "timer-")) {
        assertThat(history)
            .extracting(HistoryEvent::type)
            .containsExactly(
                "WorkflowExecutionStarted",
                "WorkflowTaskScheduled",
                "WorkflowTaskStarted",
                "WorkflowTaskCompleted",
                "TimerStarted",
                "TimerFired",
                "WorkflowTaskScheduled",
                "WorkflowTaskStarted",
                "WorkflowTaskCompleted",
                "WorkflowExecutionCompleted");
      }
      if (mode.eager()) {
        assertThat(counting.count(WORKFLOW_CLAIMS)).as(WORKFLOW_CLAIMS).isZero();
        assertThat(counting.count(HISTORY_READS)).as(HISTORY_READS).isZero();
        assertThat(counting.count(WORKFLOW_TASK_ROWS)).as(WORKFLOW_TASK_ROWS).isZero();
      } else {
        assertThat(counting.count(WORKFLOW_CLAIMS)).as(WORKFLOW_CLAIMS).isEqualTo(2 * WORKFLOWS);
        assertThat(counting.count(HISTORY_READS)).as(HISTORY_READS).isEqualTo(2 * WORKFLOWS);
        assertThat(counting.count(WORKFLOW_TASK_ROWS))
            .as(WORKFLOW_TASK_ROWS)
            .isEqualTo(2 * WORKFLOWS);
      }
    }
  }

  /**
   * A worker that keeps no run in memory still fires a timer with the workflow task it wakes, for
   * runs that last ran on it: it replays them from their histories, read for many runs in one
   * query, and claims nothing.
   */
  @AllDatabases
  void timerOfARunNotInMemoryFiresWithItsTaskAfterReplay(DatabaseKind kind, @TempDir Path folder)
      throws Exception {
    CountingDataSource counting = counting();
    try (TestDatabase db = kind.create(folder);
        HikariDataSource pool = pool(db);
        Baton baton = Baton.connect(counting.wrap(pool), BatonOptions.getDefault())) {
      baton
          .newWorker(
              "durable",
              DispatchMode.EAGER.workerOptions().workflowSlots(4).maxCachedWorkflows(0).build())
          .registerWorkflow(Durable.SleeperSecondsImpl.class)
          .start();
      for (List<HistoryEvent> history : sleepOneSecondEach(baton, "evicted-")) {
        assertThat(history)
            .extracting(HistoryEvent::type)
            .containsSubsequence(
                "TimerFired",
                "WorkflowTaskScheduled",
                "WorkflowTaskStarted",
                "WorkflowTaskCompleted",
                "WorkflowExecutionCompleted");
      }
      assertThat(counting.count(WORKFLOW_CLAIMS)).as(WORKFLOW_CLAIMS).isZero();
      assertThat(counting.count(WORKFLOW_TASK_ROWS)).as(WORKFLOW_TASK_ROWS).isZero();
      // At most one read per firing transaction, and at least one: the runs were not in memory.
      assertThat(counting.count(HISTORY_READS)).as(HISTORY_READS).isBetween(1L, (long) WORKFLOWS);
    }
  }

  /**
   * Starts {@link #WORKFLOWS} runs of {@code SleeperSeconds} (ids {@code prefix} + n) that sleep
   * one second each, checks that each slept at least that long by its own clock, and returns their
   * histories, in order.
   */
  private static List<List<HistoryEvent>> sleepOneSecondEach(Baton baton, String prefix) {
    List<WorkflowHandle<List<Instant>>> sleepers = new ArrayList<>();
    for (int i = 0; i < WORKFLOWS; i++) {
      sleepers.add(Durable_SleeperSecondsClient.of(baton).start(prefix + i, 1));
    }
    List<List<HistoryEvent>> histories = new ArrayList<>();
    for (int i = 0; i < WORKFLOWS; i++) {
      List<Instant> times = sleepers.get(i).result(Duration.ofSeconds(30));
      assertThat(Duration.between(times.get(0), times.get(1)))
          .as("how long %s%d slept by its own clock", prefix, i)
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
      histories.add(baton.history(prefix + i));
    }
    return histories;
  }

  /** {@link StepsImpl} that notes which threads ran each workflow's activities. */
  private static final class ThreadRecordingSteps extends StepsImpl {
    final Map<String, Set<String>> threads = new ConcurrentHashMap<>();

    private void note(String orderId) {
      threads
          .computeIfAbsent(orderId, k -> ConcurrentHashMap.newKeySet())
          .add(Thread.currentThread().getName());
    }

    @Override
    public String reserve(String orderId, List<Fulfilment.Line> lines) {
      note(orderId);
      return super.reserve(orderId, lines);
    }

    @Override
    public String charge(String orderId, int cents) {
      note(orderId);
      return super.charge(orderId, cents);
    }

    @Override
    public String ship(String orderId) {
      note(orderId);
      return super.ship(orderId);
    }
  }

  /** Counts claims, reads of history for a workflow task, and inserted workflow task rows. */
  private static CountingDataSource counting() {
    return new CountingDataSource(
        Map.of(
            ACTIVITY_CLAIMS,
            claimUpdateOf("baton_activity_tasks"),
            WORKFLOW_CLAIMS,
            claimUpdateOf("baton_workflow_tasks"),
            HISTORY_READS,
            // One run's history from an event on, or the histories of several runs at once.
            "from baton_history where .*(event_id >= |run_id in)",
            WORKFLOW_TASK_ROWS,
            "into baton_workflow_tasks"));
  }

  /** The statement that sets a claimed task's state and new lease token. */
  private static String claimUpdateOf(String table) {
    return "update "
        + table
        + " set ("
        + table
        + "\\.)?state = \\?, ("
        + table
        + "\\.)?lease_token";
  }

  private static HikariDataSource pool(TestDatabase db) {
    String[] jdbc = db.jdbc();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbc[0]);
    config.setUsername(jdbc[1]);
    config.setPassword(jdbc[2]);
    config.setMaximumPoolSize(8);
    return new HikariDataSource(config);
  }

  private static Fulfilment.Order order(int i) {
    return new Fulfilment.Order("eager-" + i, List.of(new Fulfilment.Line("sku", 1 + i)), 100 * i);
  }
}
