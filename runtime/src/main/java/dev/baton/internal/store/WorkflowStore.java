package dev.baton.internal.store;

import static dev.baton.internal.jooq.Tables.BATON_ACTIVITY_TASKS;
import static dev.baton.internal.jooq.Tables.BATON_CURRENT_RUNS;
import static dev.baton.internal.jooq.Tables.BATON_HISTORY;
import static dev.baton.internal.jooq.Tables.BATON_RUNS;
import static dev.baton.internal.jooq.Tables.BATON_TIMERS;
import static dev.baton.internal.jooq.Tables.BATON_WORKFLOW_TASKS;
import static dev.baton.internal.jooq.Tables.BATON_WORKFLOW_TYPES;
import static dev.baton.internal.store.LockedRun.SCHEDULED;
import static dev.baton.internal.store.LockedRun.STARTED;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.WorkflowAlreadyStartedException;
import dev.baton.WorkflowIdReusePolicy;
import dev.baton.WorkflowNotFoundException;
import dev.baton.WorkflowStatus;
import dev.baton.internal.history.Event;
import dev.baton.internal.history.EventCodec;
import dev.baton.internal.history.FailureData;
import dev.baton.internal.history.RetryPolicyData;
import dev.baton.internal.history.StoredEvent;
import dev.baton.internal.jooq.tables.records.BatonCurrentRunsRecord;
import dev.baton.internal.jooq.tables.records.BatonRunsRecord;
import dev.baton.internal.jooq.tables.records.BatonWorkflowTasksRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record5;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/** Runs, their histories and their workflow tasks. */
public final class WorkflowStore {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(WorkflowStore.class);

  private final Database db;
  private final long maxHistoryEvents;
  private final long maxHistoryBytes;
  private final java.util.Set<String> warnedOfHistorySize =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** A store on {@code db} that holds each run's history to the given limits. */
  public WorkflowStore(Database db, long maxHistoryEvents, long maxHistoryBytes) {
    this.db = db;
    this.maxHistoryEvents = maxHistoryEvents;
    this.maxHistoryBytes = maxHistoryBytes;
  }

  /**
   * Records that a worker has registered {@code type}, with the signals it accepts, on {@code
   * taskQueue}.
   */
  public void registerWorkflowType(String type, String taskQueue, List<String> signalNames) {
    String signals = ActivityStore.write(signalNames.stream().sorted().toList());
    db.transact(
        tx -> {
          long now = tx.now();
          return tx.dsl()
              .insertInto(BATON_WORKFLOW_TYPES)
              .set(BATON_WORKFLOW_TYPES.NAME, type)
              .set(BATON_WORKFLOW_TYPES.TASK_QUEUE, taskQueue)
              .set(BATON_WORKFLOW_TYPES.REGISTERED_AT, now)
              .set(BATON_WORKFLOW_TYPES.SIGNAL_NAMES, signals)
              .onDuplicateKeyUpdate()
              .set(BATON_WORKFLOW_TYPES.TASK_QUEUE, taskQueue)
              .set(BATON_WORKFLOW_TYPES.REGISTERED_AT, now)
              .set(BATON_WORKFLOW_TYPES.SIGNAL_NAMES, signals)
              .execute();
        });
  }

  /** The signal names registered for {@code type}, or {@code null} if no worker registered it. */
  public @Nullable List<String> registeredSignals(String type) {
    return db.transact(tx -> registeredSignals(tx, type));
  }

  /** As {@link #registeredSignals(String)}, in {@code tx}. */
  static @Nullable List<String> registeredSignals(Tx tx, String type) {
    String json =
        tx.dsl()
            .select(BATON_WORKFLOW_TYPES.SIGNAL_NAMES)
            .from(BATON_WORKFLOW_TYPES)
            .where(BATON_WORKFLOW_TYPES.NAME.eq(type))
            .fetchOne(BATON_WORKFLOW_TYPES.SIGNAL_NAMES);
    return json == null ? null : List.of(ActivityStore.read(json, String[].class));
  }

  /** Whether some worker has registered {@code type} in this database. */
  public boolean isWorkflowTypeRegistered(String type) {
    return db.dsl().fetchExists(BATON_WORKFLOW_TYPES, BATON_WORKFLOW_TYPES.NAME.eq(type));
  }

  /**
   * Starts a run: its row, its first events (started, workflow task scheduled) and its first
   * workflow task, in one transaction.
   *
   * @throws WorkflowAlreadyStartedException if the workflow id has a running run
   */
  public String startRun(
      String workflowId,
      String workflowType,
      String taskQueue,
      JsonNode input,
      String requestId,
      RunSettings settings) {
    return startRun(workflowId, workflowType, taskQueue, input, requestId, settings, null).runId();
  }

  /**
   * As {@link #startRun(String, String, String, JsonNode, String, RunSettings)}; with {@code
   * eager}, the first workflow task is leased at once to the local worker it names, and returned
   * with the run's first events for that worker to work without a claim or a read of history.
   *
   * @throws WorkflowAlreadyStartedException if the workflow id has a running run
   */
  public StartedRun startRun(
      String workflowId,
      String workflowType,
      String taskQueue,
      JsonNode input,
      String requestId,
      RunSettings settings,
      @Nullable EagerWorkflowTask eager) {
    return startRun(
        UUID.randomUUID().toString(),
        workflowId,
        workflowType,
        taskQueue,
        input,
        requestId,
        settings,
        eager,
        -1);
  }

  /**
   * As {@link #startRun(String, String, String, JsonNode, String, RunSettings, EagerWorkflowTask)},
   * for run {@code runId}, whose first workflow task {@code eager}'s worker began before the start
   * commits: {@code startTime}, an estimate of the database's now taken before the code ran, is the
   * time of the start's events and rows, and the start of the leased task, so that the task's time
   * is the time the code saw.
   *
   * @throws WorkflowAlreadyStartedException if the workflow id has a running run
   */
  public StartedRun startRunLeasedAt(
      String runId,
      String workflowId,
      String workflowType,
      String taskQueue,
      JsonNode input,
      String requestId,
      RunSettings settings,
      EagerWorkflowTask eager,
      long startTime) {
    return startRun(
        runId, workflowId, workflowType, taskQueue, input, requestId, settings, eager, startTime);
  }

  private StartedRun startRun(
      String runId,
      String workflowId,
      String workflowType,
      String taskQueue,
      JsonNode input,
      String requestId,
      RunSettings settings,
      @Nullable EagerWorkflowTask eager,
      long startTime) {
    try {
      return db.transact(
          tx ->
              startTime < 0
                  ? insertRun(
                      tx,
                      runId,
                      workflowId,
                      workflowType,
                      taskQueue,
                      input,
                      requestId,
                      settings,
                      eager)
                  : tx.atTime(
                      startTime,
                      () ->
                          insertRun(
                              tx,
                              runId,
                              workflowId,
                              workflowType,
                              taskQueue,
                              input,
                              requestId,
                              settings,
                              eager)));
    } catch (DataAccessException e) {
      if (db.isDuplicateKey(e)) {
        // [Concurrent start] Two starts of a new id both found no current run; the second insert
        // into baton_current_runs hit its primary key.
        throw alreadyStarted(workflowId);
      }
      throw e;
    }
  }

  /**
   * A child run's link to its parent: the parent's run, the child's sequence number there, and the
   * parent-close policy.
   */
  record ParentLink(String runId, int seq, String closePolicy) {}

  /**
   * Inserts a run with its first events and workflow task, as {@code settings} say, and makes it
   * the workflow id's current run.
   *
   * @throws WorkflowAlreadyStartedException if the workflow id has a running run
   */
  static String insertRun(
      Tx tx,
      String workflowId,
      String workflowType,
      String taskQueue,
      JsonNode input,
      String requestId,
      RunSettings settings) {
    return insertRun(
            tx,
            UUID.randomUUID().toString(),
            workflowId,
            workflowType,
            taskQueue,
            input,
            requestId,
            settings,
            null)
        .runId();
  }

  /** A run a start inserted, and its first workflow task if it was leased to a local worker. */
  public record StartedRun(String runId, @Nullable ClaimedWorkflowTask firstTask) {}

  private static StartedRun insertRun(
      Tx tx,
      String runId,
      String workflowId,
      String workflowType,
      String taskQueue,
      JsonNode input,
      String requestId,
      RunSettings settings,
      @Nullable EagerWorkflowTask eager) {
    OpenedRun opened =
        openRun(tx, runId, workflowId, workflowType, taskQueue, input, requestId, settings);
    if (opened.run() == null) {
      // A retry of a start that did commit, and may have leased the first task to this worker.
      return new StartedRun(
          opened.runId(),
          eager == null ? null : LockedRun.workflowTaskLeasedTo(tx, opened.runId(), eager.owner()));
    }
    LockedRun locked = opened.run();
    tx.noteStartedRun();
    ClaimedWorkflowTask firstTask = null;
    if (eager != null && settings.firstTaskDelayMillis() == 0) {
      firstTask = locked.ensureWorkflowTaskLeasedTo(eager.owner(), eager.leaseMillis());
    } else {
      locked.scheduleWorkflowTask(null, settings.firstTaskDelayMillis());
    }
    HistoryTail appended = locked.appendedEvents();
    locked.flush();
    makeCurrent(tx, workflowId, opened);
    return new StartedRun(opened.runId(), firstTask == null ? null : firstTask.withTail(appended));
  }

  /**
   * A run a start opens: its id, and the run with its {@code WorkflowExecutionStarted} appended,
   * not flushed; {@code run} is {@code null} when the start is a retry of one that committed (the
   * same request id), whose run is {@code runId}.
   */
  private record OpenedRun(String runId, @Nullable LockedRun run, boolean replacesCurrent) {}

  /**
   * Opens run {@code runId} of {@code workflowId} unless the id's current run forbids it.
   *
   * @throws WorkflowAlreadyStartedException if the workflow id has a running run, or its id reuse
   *     policy forbids another run
   */
  private static OpenedRun openRun(
      Tx tx,
      String runId,
      String workflowId,
      String workflowType,
      String taskQueue,
      JsonNode input,
      String requestId,
      RunSettings settings) {
    WorkflowIdReusePolicy reusePolicy = settings.reusePolicy();
    ParentLink parent = settings.parent();
    int attempt = settings.attempt();
    beforeCurrentRunRead(tx);
    BatonCurrentRunsRecord current =
        LOCK_CURRENT_RUN.queryOne(
            tx, row -> RenderedSql.readRecord(tx, BATON_CURRENT_RUNS, row), workflowId);
    if (current != null) {
      String currentRequest =
          tx.dsl()
              .select(BATON_RUNS.START_REQUEST_ID)
              .from(BATON_RUNS)
              .where(BATON_RUNS.RUN_ID.eq(current.getRunId()))
              .fetchOne(BATON_RUNS.START_REQUEST_ID);
      if (requestId.equals(currentRequest)) {
        return new OpenedRun(current.getRunId(), null, true);
      }
      if (WorkflowStatus.RUNNING.name().equals(current.getStatus())) {
        throw alreadyStarted(workflowId);
      }
      boolean completed = WorkflowStatus.COMPLETED.name().equals(current.getStatus());
      if (reusePolicy == WorkflowIdReusePolicy.REJECT_DUPLICATE
          || (reusePolicy == WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY && completed)) {
        throw new WorkflowAlreadyStartedException(
            "Workflow id '"
                + workflowId
                + "' was used before (its latest run is "
                + current.getStatus()
                + ") and the start's id reuse policy "
                + reusePolicy
                + " forbids starting it again. Use another workflow id or another policy.");
      }
    }
    BatonRunsRecord run = tx.dsl().newRecord(BATON_RUNS);
    run.setRunId(runId)
        .setWorkflowId(workflowId)
        .setWorkflowType(workflowType)
        .setTaskQueue(taskQueue)
        .setStatus(WorkflowStatus.RUNNING.name())
        .setInput(input.toString())
        .setNextEventId(1L)
        .setStartTime(tx.now())
        .setStartRequestId(requestId)
        .setRunAttempt(attempt)
        .setRetryPolicy(settings.retryPolicyJson())
        .setExecutionTimeoutMs(settings.executionTimeoutMillis())
        .setExecutionDeadline(tx.now() + settings.executionTimeoutMillis());
    if (parent != null) {
      run.setParentRunId(parent.runId())
          .setParentSeq(parent.seq())
          .setParentClosePolicy(parent.closePolicy());
    }
    LockedRun locked = LockedRun.forNewRun(tx, run);
    locked.append(
        new Event.WorkflowExecutionStarted(
            workflowType, taskQueue, input, attempt > 1 ? attempt : null));
    return new OpenedRun(runId, locked, current != null);
  }

  /** Makes the run {@code opened} the current run of {@code workflowId}. */
  private static void makeCurrent(Tx tx, String workflowId, OpenedRun opened) {
    if (!opened.replacesCurrent()) {
      INSERT_CURRENT_RUN.update(tx, workflowId, opened.runId(), WorkflowStatus.RUNNING.name());
    } else {
      tx.dsl()
          .update(BATON_CURRENT_RUNS)
          .set(BATON_CURRENT_RUNS.RUN_ID, opened.runId())
          .set(BATON_CURRENT_RUNS.STATUS, WorkflowStatus.RUNNING.name())
          .where(BATON_CURRENT_RUNS.WORKFLOW_ID.eq(workflowId))
          .execute();
    }
  }

  /** A run a start committed together with its first workflow task (see below). */
  public record StartedWithTask(String runId, CompletionResult completion) {}

  /**
   * Starts run {@code runId} and commits its first workflow task in the same transaction: the
   * worker of this process that runs the type ran the workflow code on the run's first events (its
   * start, a scheduled workflow task) at {@code startTime}, an estimate of the database's now that
   * every event of the commit carries, before this transaction began. A retry of a start that
   * committed (same request id) appends nothing: its outcome is {@code ALREADY_COMMITTED}, with the
   * activities the first try leased to {@code eager}'s owner.
   *
   * @throws WorkflowAlreadyStartedException as {@link #startRun}; nothing is recorded
   */
  public StartedWithTask startRunWithWorkflowTask(
      Committer committer,
      String runId,
      String workflowId,
      String workflowType,
      String taskQueue,
      JsonNode input,
      String requestId,
      RunSettings settings,
      String identity,
      long startTime,
      List<Event> requested,
      EagerActivities eager) {
    try {
      return committer.commit(
          workflowId,
          runId,
          tx ->
              tx.atTime(
                  startTime,
                  () -> {
                    OpenedRun opened =
                        openRun(
                            tx,
                            runId,
                            workflowId,
                            workflowType,
                            taskQueue,
                            input,
                            requestId,
                            settings);
                    if (opened.run() == null) {
                      return new StartedWithTask(
                          opened.runId(), alreadyCommitted(tx, opened.runId(), eager, requested));
                    }
                    LockedRun run = opened.run();
                    tx.noteStartedRun();
                    run.append(new Event.WorkflowTaskScheduled(taskQueue));
                    long lastSeenEventId = run.nextEventId() - 1;
                    makeCurrent(tx, workflowId, opened);
                    List<Event> commands = withinHistoryLimits(run, requested);
                    if (!commands.stream().allMatch(WorkflowStore::appliesToRunRowInMemory)) {
                      run.flush(); // the row first: these commands update it in the database
                    }
                    CompletionResult completion =
                        appendWorkflowTask(
                            tx,
                            run,
                            new Event.WorkflowTaskStarted(
                                identity, 1, startTime, UUID.randomUUID().toString()),
                            new Event.WorkflowTaskCompleted(identity, lastSeenEventId, startTime),
                            commands,
                            null,
                            false,
                            eager.new Leases());
                    return new StartedWithTask(runId, completion);
                  }));
    } catch (DataAccessException e) {
      if (db.isDuplicateKey(e)) {
        throw alreadyStarted(workflowId); // [Concurrent start], as in startRun
      }
      throw e;
    }
  }

  /**
   * Whether applying {@code command} to a run whose row is not inserted yet works: it writes rows
   * of its own, or changes the run's row through the record that the first flush inserts. Other
   * commands update the row in the database (a continue-as-new links the next run, for one), so a
   * new run's row is inserted before they are applied.
   */
  private static boolean appliesToRunRowInMemory(Event command) {
    return command instanceof Event.ActivityTaskScheduled
        || command instanceof Event.TimerStarted
        || command instanceof Event.MarkerRecorded
        || command instanceof Event.WorkflowExecutionCompleted;
  }

  /**
   * Appends a signal to the running run of {@code workflowId} and makes sure a workflow task will
   * see it. A retry carrying a {@code requestId} already in history changes nothing. Returns the
   * run id.
   *
   * @throws WorkflowNotFoundException if no run of that id is running
   */
  public String signal(String workflowId, String signalName, JsonNode input, String requestId) {
    return db.transact(
        tx -> {
          String runId = currentRunId(tx, workflowId);
          LockedRun run = runId == null ? null : LockedRun.lock(tx, runId);
          if (run == null || !run.isRunning()) {
            throw new WorkflowNotFoundException(
                "No running run of workflow '"
                    + workflowId
                    + "' to signal"
                    + (run == null ? "" : ": its latest run is " + run.row().getStatus()));
          }
          if (!HistoryQueries.hasRequest(tx, runId, "SignalReceived", requestId)) {
            run.append(new Event.SignalReceived(signalName, input, requestId));
            run.ensureWorkflowTaskScheduled();
            run.flush();
          }
          return runId;
        });
  }

  /**
   * Signals the running run of {@code workflowId}, or starts one and signals it, in one
   * transaction. Returns the run id.
   */
  public String signalWithStart(
      String workflowId,
      String workflowType,
      String taskQueue,
      JsonNode startInput,
      String signalName,
      JsonNode signalInput,
      String requestId,
      RunSettings settings) {
    try {
      return db.transact(
          tx -> {
            String runId = currentRunId(tx, workflowId);
            LockedRun run = runId == null ? null : LockedRun.lock(tx, runId);
            if (run == null || !run.isRunning()) {
              runId =
                  insertRun(
                      tx, workflowId, workflowType, taskQueue, startInput, requestId, settings);
              run = LockedRun.lock(tx, runId);
            }
            if (!HistoryQueries.hasRequest(tx, runId, "SignalReceived", requestId)) {
              run.append(new Event.SignalReceived(signalName, signalInput, requestId));
              run.ensureWorkflowTaskScheduled();
              run.flush();
            }
            return runId;
          });
    } catch (DataAccessException e) {
      if (db.isDuplicateKey(e)) {
        throw alreadyStarted(workflowId);
      }
      throw e;
    }
  }

  static @Nullable String currentRunId(Tx tx, String workflowId) {
    beforeCurrentRunRead(tx);
    return tx.dsl()
        .select(BATON_CURRENT_RUNS.RUN_ID)
        .from(BATON_CURRENT_RUNS)
        .where(BATON_CURRENT_RUNS.WORKFLOW_ID.eq(workflowId))
        .fetchOne(BATON_CURRENT_RUNS.RUN_ID);
  }

  static WorkflowAlreadyStartedException alreadyStarted(String workflowId) {
    return new WorkflowAlreadyStartedException(
        "Workflow id '"
            + workflowId
            + "' already has a running run. Wait for it to close,"
            + " or use another workflow id.");
  }

  /**
   * Claims up to {@code max} workflow tasks of {@code taskQueue}: sets them started with a fresh
   * lease token. Tasks sticky to another worker are left to it until their stickiness expires.
   */
  public List<ClaimedWorkflowTask> claim(
      String taskQueue, String owner, int max, long leaseMillis) {
    return db.transact(
        tx -> {
          var t = BATON_WORKFLOW_TASKS;
          Field<Long> clock = tx.nowField();
          List<Record5<String, String, Integer, String, Long>> rows =
              tx.dsl()
                  .select(t.RUN_ID, t.WORKFLOW_ID, t.ATTEMPT, t.WORKFLOW_TYPE, clock)
                  .from(t)
                  .where(t.TASK_QUEUE.eq(taskQueue))
                  .and(t.STATE.eq(SCHEDULED))
                  .and(t.VISIBLE_AT.le(clock))
                  .and(
                      t.STICKY_OWNER
                          .isNull()
                          .or(t.STICKY_OWNER.eq(owner))
                          .or(t.STICKY_UNTIL.le(clock)))
                  .orderBy(t.VISIBLE_AT)
                  .limit(max)
                  .forUpdate()
                  .skipLocked()
                  .fetch();
          if (rows.isEmpty()) {
            return List.of();
          }
          tx.noteNow(rows.get(0).value5());
          long now = tx.now();
          Map<String, String> untyped = typesOfUntypedTasks(tx, rows);
          List<ClaimedWorkflowTask> claimed = new ArrayList<>(rows.size());
          for (var row : rows) {
            String token = UUID.randomUUID().toString();
            tx.dsl()
                .update(t)
                .set(t.STATE, STARTED)
                .set(t.LEASE_TOKEN, token)
                .set(t.LEASE_OWNER, owner)
                .set(t.LEASE_EXPIRES_AT, now + leaseMillis)
                .set(t.STARTED_AT, now)
                .where(t.RUN_ID.eq(row.value1()))
                .execute();
            String type = row.value4() != null ? row.value4() : untyped.get(row.value1());
            claimed.add(
                new ClaimedWorkflowTask(
                    row.value1(), row.value2(), type, token, row.value3(), now));
          }
          return claimed;
        });
  }

  /**
   * The workflow types of claimed tasks written before tasks carried their type (schema version 5
   * and older), by run id; empty, without a query, when every task carries it.
   */
  private static Map<String, String> typesOfUntypedTasks(
      Tx tx, List<Record5<String, String, Integer, String, Long>> rows) {
    List<String> untyped =
        rows.stream().filter(r -> r.value4() == null).map(r -> r.value1()).toList();
    if (untyped.isEmpty()) {
      return Map.of();
    }
    return tx.dsl()
        .select(BATON_RUNS.RUN_ID, BATON_RUNS.WORKFLOW_TYPE)
        .from(BATON_RUNS)
        .where(BATON_RUNS.RUN_ID.in(untyped))
        .fetchMap(BATON_RUNS.RUN_ID, BATON_RUNS.WORKFLOW_TYPE);
  }

  /** The run's events from {@code fromEventId} on, in order. */
  public List<StoredEvent> readHistory(String runId, long fromEventId) {
    var h = BATON_HISTORY;
    return db.dsl()
        .select(h.EVENT_ID, h.EVENT_TIME, h.EVENT_TYPE, h.ATTRIBUTES)
        .from(h)
        .where(h.RUN_ID.eq(runId))
        .and(h.EVENT_ID.ge(fromEventId))
        .orderBy(h.EVENT_ID)
        .fetch(
            r -> new StoredEvent(r.value1(), r.value2(), EventCodec.read(r.value3(), r.value4())));
  }

  /** The stored events of each of {@code runIds}, in order, by run id, read in one query. */
  public Map<String, List<StoredEvent>> readHistories(List<String> runIds) {
    var h = BATON_HISTORY;
    Map<String, List<StoredEvent>> histories = new HashMap<>();
    db.dsl()
        .select(h.RUN_ID, h.EVENT_ID, h.EVENT_TIME, h.EVENT_TYPE, h.ATTRIBUTES)
        .from(h)
        .where(h.RUN_ID.in(runIds))
        .orderBy(h.RUN_ID, h.EVENT_ID)
        .forEach(
            r ->
                histories
                    .computeIfAbsent(r.value1(), id -> new ArrayList<>())
                    .add(
                        new StoredEvent(
                            r.value2(), r.value3(), EventCodec.read(r.value4(), r.value5()))));
    return histories;
  }

  /** The run's stored events in their raw form (type and JSON attributes), in order. */
  public List<org.jooq.Record4<Long, Long, String, String>> readRawHistory(String runId) {
    var h = BATON_HISTORY;
    return db.dsl()
        .select(h.EVENT_ID, h.EVENT_TIME, h.EVENT_TYPE, h.ATTRIBUTES)
        .from(h)
        .where(h.RUN_ID.eq(runId))
        .orderBy(h.EVENT_ID)
        .fetch();
  }

  /**
   * Commits a workflow task: appends its started and completed events and the events of its
   * commands, and applies their effects, in one transaction fenced by the lease token and the run's
   * {@code next_event_id} (see {@link CompletionOutcome}).
   *
   * @param expectedNextEventId the run's {@code next_event_id} when the code last read history
   * @param lastSeenEventId the last event the code saw
   * @param eager the activities the committing worker may start at once
   */
  public CompletionResult complete(
      Committer committer,
      ClaimedWorkflowTask task,
      String identity,
      long expectedNextEventId,
      long lastSeenEventId,
      List<Event> requested,
      EagerActivities eager) {
    return committer.commit(
        task.workflowId(),
        task.runId(),
        tx -> {
          EagerActivities.Leases leases = eager.new Leases();
          LockedRun run = LockedRun.lock(tx, task.runId());
          BatonWorkflowTasksRecord row = lockTask(tx, task);
          if (run == null || row == null || !run.isRunning()) {
            // A retry of a commit whose outcome was unknown finds its own events in history.
            CompletionOutcome outcome =
                run != null
                        && HistoryQueries.hasRequest(
                            tx, task.runId(), "WorkflowTaskStarted", task.leaseToken())
                    ? CompletionOutcome.ALREADY_COMMITTED
                    : CompletionOutcome.LEASE_LOST;
            return outcome == CompletionOutcome.ALREADY_COMMITTED
                ? alreadyCommitted(tx, task.runId(), eager, requested)
                : CompletionResult.nothingAppended(outcome);
          }
          boolean newEvents =
              run.nextEventIdAtLock() != expectedNextEventId
                  && HistoryQueries.hasInputSince(tx, task.runId(), expectedNextEventId);
          List<Event> commands = withinHistoryLimits(run, requested);
          boolean overLimit = commands != requested;
          boolean closes = commands.stream().anyMatch(WorkflowStore::closesRun);
          if (newEvents && closes && !overLimit) {
            reschedule(tx, row, identity);
            return CompletionResult.nothingAppended(CompletionOutcome.REJECTED_NEW_EVENTS);
          }
          return appendWorkflowTask(
              tx,
              run,
              new Event.WorkflowTaskStarted(
                  identity, task.attempt(), task.startedAt(), task.leaseToken()),
              new Event.WorkflowTaskCompleted(identity, lastSeenEventId, task.startedAt()),
              commands,
              row,
              newEvents,
              leases);
        });
  }

  /**
   * Appends a workflow task's started and completed events and its commands, applies them, and ends
   * the task: the run closes, or {@code row} (the task's row, {@code null} when it has none) is
   * deleted and the run sticks to the worker, or a new task is scheduled when {@code newEvents}
   * arrived while it ran.
   */
  private CompletionResult appendWorkflowTask(
      Tx tx,
      LockedRun run,
      Event.WorkflowTaskStarted started,
      Event.WorkflowTaskCompleted completed,
      List<Event> commands,
      @Nullable BatonWorkflowTasksRecord row,
      boolean newEvents,
      EagerActivities.Leases leases) {
    long firstEventId = run.nextEventId();
    run.append(started);
    run.append(completed);
    for (Event command : commands) {
      run.append(command);
      apply(tx, run, command, leases);
    }
    CompletionOutcome outcome;
    if (commands.stream().anyMatch(WorkflowStore::closesRun)) {
      deleteRunTasks(tx, run);
      outcome = CompletionOutcome.CLOSED;
    } else {
      if (row != null) {
        row.delete();
      }
      if (newEvents) {
        run.scheduleWorkflowTask(started.identity());
        outcome = CompletionOutcome.COMPLETED_WITH_NEW_TASK;
      } else {
        run.stickTo(started.identity());
        outcome = CompletionOutcome.COMPLETED;
      }
    }
    run.flush();
    boolean activities =
        commands.stream().filter(c -> c instanceof Event.ActivityTaskScheduled).count()
            > leases.started().size();
    boolean timers = commands.stream().anyMatch(c -> c instanceof Event.TimerStarted);
    return new CompletionResult(
        outcome,
        firstEventId,
        run.row().getNextEventId(),
        activities,
        timers,
        leases.started(),
        tx.wroteOutbox(),
        tx.startedRun());
  }

  /**
   * Commits an activity's completion together with the workflow task that ran its result, in one
   * transaction: the worker that ran the activity holds the run in its cache and ran the workflow
   * code on the events this commit appends from {@code expectedNextEventId} on (the activity's
   * started and completed events, a scheduled workflow task), with {@code taskTime} as now. When
   * the run has moved on since ({@code next_event_id} differs, or it has a workflow task), only the
   * completion is recorded, as by {@link ActivityStore#complete}, and {@code null} is returned: the
   * code's commands are dropped, and the run's next workflow task will run them again.
   *
   * <p>The transaction is {@code committer}'s, and may be shared with completions of other
   * workflows ({@link GroupCommit}); {@code workflowId} names the run's workflow.
   *
   * @throws ActivityLeaseLostException if {@code token} does not hold the activity's lease; nothing
   *     is recorded
   */
  public @Nullable CompletionResult completeActivityWithWorkflowTask(
      Committer committer,
      String workflowId,
      TaskToken token,
      JsonNode result,
      String identity,
      long expectedNextEventId,
      long taskTime,
      List<Event> requested,
      EagerActivities eager) {
    return committer.commit(
        workflowId,
        token.runId(),
        tx -> {
          ActivityStore.Locked locked = ActivityStore.lockLeased(tx, token);
          if (locked == null) {
            // A retry of this commit, whose first try is recorded: with the workflow task, and
            // perhaps activities leased to this worker, which has not run them yet; or alone.
            if (!HistoryQueries.hasRequest(
                tx, token.runId(), "WorkflowTaskStarted", workflowTaskRequestId(token))) {
              return null;
            }
            return alreadyCommitted(tx, token.runId(), eager, requested);
          }
          LockedRun run = locked.run();
          boolean current =
              run.isRunning()
                  && run.nextEventIdAtLock() == expectedNextEventId
                  && !run.hadWorkflowTaskAtLock();
          locked.recordOutcome(token, new Event.ActivityTaskCompleted(token.seq(), result));
          if (!current) {
            run.ensureWorkflowTaskScheduled();
            run.flush();
            return null;
          }
          run.append(new Event.WorkflowTaskScheduled(run.row().getTaskQueue()));
          long lastSeenEventId = run.nextEventId() - 1;
          List<Event> commands = withinHistoryLimits(run, requested);
          return appendWorkflowTask(
              tx,
              run,
              new Event.WorkflowTaskStarted(identity, 1, taskTime, workflowTaskRequestId(token)),
              new Event.WorkflowTaskCompleted(identity, lastSeenEventId, taskTime),
              commands,
              null,
              false,
              eager.new Leases());
        });
  }

  /**
   * Appends the workflow task a firing timer wakes, worked before the firing ({@link
   * TimerWorkflowTask}), after the {@code TimerFired} event {@code run} has just been given;
   * returns {@code null}, having appended nothing more, when the run had moved on since the task's
   * code ran ({@code next_event_id} differs, or it has a workflow task): the firing then schedules
   * a task as usual. Called in the firing's transaction, with the run locked.
   */
  @Nullable CompletionResult appendTimerTask(Tx tx, LockedRun run, TimerWorkflowTask task) {
    boolean current =
        run.nextEventIdAtLock() == task.expectedNextEventId() && !run.hadWorkflowTaskAtLock();
    if (!current) {
      return null;
    }
    run.append(new Event.WorkflowTaskScheduled(run.row().getTaskQueue()));
    long lastSeenEventId = run.nextEventId() - 1;
    return appendWorkflowTask(
        tx,
        run,
        new Event.WorkflowTaskStarted(task.identity(), 1, task.taskTime(), task.requestId()),
        new Event.WorkflowTaskCompleted(task.identity(), lastSeenEventId, task.taskTime()),
        withinHistoryLimits(run, task.commands()),
        null,
        false,
        task.grant().new Leases());
  }

  /**
   * For a timer whose row is gone when it was to fire with {@code task}: the outcome of a first try
   * of this firing that committed the task (a retry after the connection broke), with the
   * activities it leased to the worker, which has not run them yet; {@code null} when another
   * process fired the timer.
   */
  @Nullable CompletionResult timerTaskCommittedBefore(
      Tx tx, DueTimer timer, TimerWorkflowTask task) {
    if (!HistoryQueries.hasRequest(tx, timer.runId(), "WorkflowTaskStarted", task.requestId())) {
      return null;
    }
    return alreadyCommitted(tx, timer.runId(), task.grant(), task.commands());
  }

  /**
   * The outcome of a retried commit whose first try committed: nothing appended now, and the
   * activities of {@code requested} that the first try leased to {@code eager}'s owner, which has
   * not run them yet.
   */
  private static CompletionResult alreadyCommitted(
      Tx tx, String runId, EagerActivities eager, List<Event> requested) {
    return new CompletionResult(
        CompletionOutcome.ALREADY_COMMITTED,
        0,
        0,
        false,
        false,
        eager.slots() > 0
            ? ActivityStore.startedBy(tx, runId, eager.owner(), requested)
            : List.of(),
        false,
        false);
  }

  /**
   * The request id of the workflow task that commits with the completion under {@code token}: a
   * retry of that commit looks for it to tell whether the first try committed the task too.
   */
  private static String workflowTaskRequestId(TaskToken token) {
    return token.leaseToken() + ":task";
  }

  /**
   * {@code commands}, or, when committing them would take the run's history past its limits, a
   * failure of the run that says so. Logs a warning (once per run in this process) when they take
   * it past 80% of a limit.
   */
  private List<Event> withinHistoryLimits(LockedRun run, List<Event> commands) {
    long events = run.nextEventId() - 1 + 2 + commands.size();
    long bytes = run.historyBytes() + 200;
    for (Event command : commands) {
      bytes += EventCodec.write(command).length();
    }
    String workflow = run.row().getWorkflowId() + " (run " + run.runId() + ")";
    if (events > maxHistoryEvents || bytes > maxHistoryBytes) {
      if (commands.stream().anyMatch(WorkflowStore::closesRun)) {
        return commands; // closing anyway
      }
      String message =
          "The history of workflow "
              + workflow
              + " would grow to "
              + events
              + " events and "
              + bytes
              + " bytes, past its limit of "
              + maxHistoryEvents
              + " events and "
              + maxHistoryBytes
              + " bytes (BatonOptions.maxHistoryEvents/maxHistoryBytes). Long-running workflows"
              + " should continue as new before their history grows this long.";
      log.error(message);
      return List.of(
          new Event.WorkflowExecutionFailed(
              new FailureData("HistoryLimitExceeded", message, null, null, true)));
    }
    if ((events > maxHistoryEvents * 0.8 || bytes > maxHistoryBytes * 0.8)
        && warnedOfHistorySize.add(run.runId())) {
      if (warnedOfHistorySize.size() > 10_000) {
        warnedOfHistorySize.clear(); // a bound; a run may be warned of again
      }
      log.warn(
          "The history of workflow {} has {} events and {} bytes, past 80% of its limit of {}"
              + " events and {} bytes: the run fails when it reaches the limit. Continue as new"
              + " before then.",
          workflow, events, bytes, maxHistoryEvents, maxHistoryBytes);
    }
    return commands;
  }

  private static boolean closesRun(Event command) {
    return command instanceof Event.WorkflowExecutionCompleted
        || command instanceof Event.WorkflowExecutionFailed
        || command instanceof Event.WorkflowExecutionCanceled
        || command instanceof Event.WorkflowExecutionContinuedAsNew;
  }

  /**
   * Asks the running run of {@code workflowId} to cancel: records {@code
   * WorkflowExecutionCancelRequested} (once) and makes sure a workflow task sees it. Returns the
   * run id.
   *
   * @throws WorkflowNotFoundException if no run of that id is running
   */
  public String requestCancel(String workflowId, String reason) {
    return db.transact(
        tx -> {
          LockedRun run = runningRun(tx, workflowId, "cancel");
          requestCancel(tx, run, reason);
          run.flush();
          return run.runId();
        });
  }

  /** Records a cancel request in {@code run} unless it has one. */
  static void requestCancel(Tx tx, LockedRun run, String reason) {
    if (!HistoryQueries.hasEvent(tx, run.runId(), "WorkflowExecutionCancelRequested")) {
      run.append(new Event.WorkflowExecutionCancelRequested(reason));
      run.ensureWorkflowTaskScheduled();
    }
  }

  /**
   * Terminates the running run of {@code workflowId} at once: records {@code
   * WorkflowExecutionTerminated} with {@code reason}, drops its tasks and timers, and applies its
   * children's parent-close policies. Returns the run id.
   *
   * @throws WorkflowNotFoundException if no run of that id is running
   */
  public String terminate(String workflowId, String reason) {
    return db.transact(
        tx -> {
          LockedRun run = runningRun(tx, workflowId, "terminate");
          OutboxStore.terminate(tx, run, reason);
          return run.runId();
        });
  }

  private static LockedRun runningRun(Tx tx, String workflowId, String action) {
    String runId = currentRunId(tx, workflowId);
    LockedRun run = runId == null ? null : LockedRun.lock(tx, runId);
    if (run == null || !run.isRunning()) {
      throw new WorkflowNotFoundException(
          "No running run of workflow '"
              + workflowId
              + "' to "
              + action
              + (run == null ? "" : ": its latest run is " + run.row().getStatus()));
    }
    return run;
  }

  private static @Nullable BatonWorkflowTasksRecord lockTask(Tx tx, ClaimedWorkflowTask task) {
    var t = BATON_WORKFLOW_TASKS;
    return tx.dsl()
        .selectFrom(t)
        .where(t.RUN_ID.eq(task.runId()))
        .and(t.STATE.eq(STARTED))
        .and(t.LEASE_TOKEN.eq(task.leaseToken()))
        .forUpdate()
        .fetchOne();
  }

  private static void reschedule(Tx tx, BatonWorkflowTasksRecord row, String identity) {
    row.setState(SCHEDULED)
        .setLeaseToken(null)
        .setLeaseOwner(null)
        .setLeaseExpiresAt(null)
        .setVisibleAt(tx.now())
        .setStickyOwner(identity)
        .setStickyUntil(tx.now() + LockedRun.STICKY_MILLIS)
        .update();
  }

  private void apply(Tx tx, LockedRun run, Event command, EagerActivities.Leases leases) {
    if (command instanceof Event.ActivityTaskScheduled scheduled) {
      if (leases.accepts(scheduled)) {
        leases.add(ActivityStore.insertStartedTask(tx, run.row(), scheduled, leases.owner()));
      } else {
        ActivityStore.insertTask(tx, run.row(), scheduled);
      }
    } else if (command instanceof Event.TimerStarted timer) {
      TimerStore.insertTimer(tx, run.row(), timer);
    } else if (command instanceof Event.TimerCanceled canceled) {
      if (TimerStore.deleteTimer(tx, run.runId(), canceled.seq()) == 1) {
        run.timerDeleted();
      }
    } else if (command instanceof Event.MarkerRecorded) {
      // History alone holds it.
    } else if (command instanceof Event.ActivityTaskCancelRequested cancel) {
      ActivityStore.requestCancel(tx, run.runId(), cancel.seq());
    } else if (command instanceof Event.RequestCancelExternalWorkflowExecutionInitiated cancel) {
      OutboxStore.cancelExternal(tx, run, cancel);
    } else if (command instanceof Event.WorkflowExecutionContinuedAsNew continued) {
      close(tx, run, WorkflowStatus.CONTINUED_AS_NEW, null, null);
      continueAsNew(tx, run, continued.input());
      OutboxStore.runClosed(tx, run, continued, false);
    } else if (command instanceof Event.WorkflowExecutionCanceled canceled) {
      close(tx, run, WorkflowStatus.CANCELLED, null, null);
      OutboxStore.runClosed(tx, run, canceled);
    } else if (command instanceof Event.StartChildWorkflowExecutionInitiated child) {
      OutboxStore.startChild(tx, run, child);
    } else if (command instanceof Event.SignalExternalWorkflowExecutionInitiated signal) {
      OutboxStore.signalExternal(tx, run, signal);
    } else if (command instanceof Event.WorkflowExecutionCompleted completed) {
      close(tx, run, WorkflowStatus.COMPLETED, completed.result().toString(), null);
      OutboxStore.runClosed(tx, run, completed);
    } else if (command instanceof Event.WorkflowExecutionFailed failed) {
      close(tx, run, WorkflowStatus.FAILED, null, EventCodec.write(failed));
      boolean retried = retryRun(tx, run, failed.failure());
      OutboxStore.runClosed(tx, run, failed, !retried);
    } else {
      throw new IllegalArgumentException("Not a command: " + command.typeName());
    }
  }

  /** The run's link to its parent, for a run that follows it; {@code null} when it has none. */
  private static @Nullable ParentLink parentLinkOf(BatonRunsRecord row) {
    return row.getParentRunId() == null
        ? null
        : new ParentLink(row.getParentRunId(), row.getParentSeq(), row.getParentClosePolicy());
  }

  /** Starts the run that continues {@code run} with {@code input}, and links them. */
  private static void continueAsNew(Tx tx, LockedRun run, JsonNode input) {
    BatonRunsRecord row = run.row();
    ParentLink parent = parentLinkOf(row);
    String nextRunId =
        insertRun(
            tx,
            row.getWorkflowId(),
            row.getWorkflowType(),
            row.getTaskQueue(),
            input,
            run.runId() + ":continued",
            new RunSettings(
                parent,
                row.getRetryPolicy(),
                1,
                0,
                WorkflowIdReusePolicy.ALLOW_DUPLICATE,
                executionTimeoutOf(row)));
    linkNextRun(tx, run, nextRunId);
  }

  /** The run's execution timeout, the longest for runs from before timeouts were stored. */
  private static long executionTimeoutOf(BatonRunsRecord row) {
    return row.getExecutionTimeoutMs() != null
        ? row.getExecutionTimeoutMs()
        : dev.baton.WorkflowOptions.MAX_EXECUTION_TIMEOUT.toMillis();
  }

  /**
   * Ends runs whose execution timeout ran out: each gets {@code WorkflowExecutionTimedOut}, loses
   * its tasks and timers, and its relatives hear of it. Returns how many it ended.
   */
  public int timeOutRuns(int max) {
    List<String> due =
        db.transact(
            tx ->
                tx.dsl()
                    .select(BATON_RUNS.RUN_ID)
                    .from(BATON_RUNS)
                    .where(BATON_RUNS.EXECUTION_DEADLINE.le(tx.now()))
                    .and(BATON_RUNS.STATUS.eq(WorkflowStatus.RUNNING.name()))
                    .limit(max)
                    .fetch(BATON_RUNS.RUN_ID));
    int ended = 0;
    for (String runId : due) {
      boolean timedOut =
          db.transact(
              tx -> {
                LockedRun run = LockedRun.lock(tx, runId);
                if (run == null
                    || !run.isRunning()
                    || run.row().getExecutionDeadline() > tx.now()) {
                  return false;
                }
                Event.WorkflowExecutionTimedOut timeout =
                    new Event.WorkflowExecutionTimedOut(executionTimeoutOf(run.row()));
                run.append(timeout);
                deleteRunTasks(tx, run);
                close(tx, run, WorkflowStatus.TIMED_OUT, null, null);
                run.flush();
                OutboxStore.runClosed(tx, run, timeout);
                return true;
              });
      if (timedOut) {
        ended++;
      }
    }
    return ended;
  }

  private static void linkNextRun(Tx tx, LockedRun run, String nextRunId) {
    tx.dsl()
        .update(BATON_RUNS)
        .set(BATON_RUNS.NEXT_RUN_ID, nextRunId)
        .where(BATON_RUNS.RUN_ID.eq(run.runId()))
        .execute();
  }

  /**
   * Starts the run that retries {@code run}, which has just failed with {@code failure}, when its
   * workflow retry policy allows; its first workflow task waits the policy's back-off. Returns
   * whether it did.
   */
  private static boolean retryRun(Tx tx, LockedRun run, FailureData failure) {
    BatonRunsRecord row = run.row();
    if (row.getRetryPolicy() == null) {
      return false;
    }
    RetryPolicyData policy = ActivityStore.read(row.getRetryPolicy(), RetryPolicyData.class);
    int attempt = row.getRunAttempt() == null ? 1 : row.getRunAttempt();
    if (!policy.allowsRetry(attempt, failure)) {
      return false;
    }
    ParentLink parent = parentLinkOf(row);
    String nextRunId =
        insertRun(
            tx,
            row.getWorkflowId(),
            row.getWorkflowType(),
            row.getTaskQueue(),
            ActivityStore.read(row.getInput(), JsonNode.class),
            run.runId() + ":retry",
            new RunSettings(
                parent,
                row.getRetryPolicy(),
                attempt + 1,
                policy.backoffMillisAfter(attempt),
                WorkflowIdReusePolicy.ALLOW_DUPLICATE,
                executionTimeoutOf(row)));
    linkNextRun(tx, run, nextRunId);
    return true;
  }

  static void close(
      Tx tx,
      LockedRun run,
      WorkflowStatus status,
      @Nullable String result,
      @Nullable String failure) {
    run.close(status, result, failure); // written by the run's flush
    Object[] values = {status.name(), run.row().getWorkflowId(), run.runId()};
    GroupWrites group = tx.groupWrites();
    if (group != null) {
      group.addCurrentRunClose(values); // before the current-run row is next read, or the commit
    } else {
      CLOSE_CURRENT_RUN.update(tx, values);
    }
  }

  /**
   * Closes the current-run rows of {@code closes}, the values of {@link #CLOSE_CURRENT_RUN}, as one
   * batch.
   */
  static void closeCurrentRuns(Tx tx, List<Object[]> closes) {
    CLOSE_CURRENT_RUN.updateBatch(tx, closes);
  }

  /**
   * Writes the current-run closes that wait in the transaction's group writes, so that a read of a
   * current-run row sees them.
   */
  private static void beforeCurrentRunRead(Tx tx) {
    GroupWrites group = tx.groupWrites();
    if (group != null) {
      group.writeCurrentRunCloses(tx);
    }
  }

  /** Locks the current-run row of a workflow id. */
  private static final RenderedSql LOCK_CURRENT_RUN =
      new RenderedSql(
          "lock current run",
          List.of("\u0001workflow"),
          tx ->
              tx.dsl()
                  .selectFrom(BATON_CURRENT_RUNS)
                  .where(BATON_CURRENT_RUNS.WORKFLOW_ID.eq("\u0001workflow"))
                  .forUpdate());

  /** Inserts the current-run row of a workflow id used for the first time. */
  private static final RenderedSql INSERT_CURRENT_RUN =
      new RenderedSql(
          "insert current run",
          List.of("\u0001workflow", "\u0001run", "\u0001status"),
          tx ->
              tx.dsl()
                  .insertInto(BATON_CURRENT_RUNS)
                  .columns(
                      BATON_CURRENT_RUNS.WORKFLOW_ID,
                      BATON_CURRENT_RUNS.RUN_ID,
                      BATON_CURRENT_RUNS.STATUS)
                  .values("\u0001workflow", "\u0001run", "\u0001status"));

  /** Sets the status of a workflow id's current run, if it still is that run. */
  private static final RenderedSql CLOSE_CURRENT_RUN =
      new RenderedSql(
          "close current run",
          List.of("\u0001status", "\u0001workflow", "\u0001run"),
          tx ->
              tx.dsl()
                  .update(BATON_CURRENT_RUNS)
                  .set(BATON_CURRENT_RUNS.STATUS, "\u0001status")
                  .where(BATON_CURRENT_RUNS.WORKFLOW_ID.eq("\u0001workflow"))
                  .and(BATON_CURRENT_RUNS.RUN_ID.eq("\u0001run")));

  /** Which of the workflow task, activity task and timer tables hold rows of a run. */
  private static final RenderedSql RUN_TASKS_HELD =
      new RenderedSql(
          "run tasks held",
          List.of("\u0001run#0", "\u0001run#1", "\u0001run#2"),
          tx -> {
            var w = BATON_WORKFLOW_TASKS;
            var a = BATON_ACTIVITY_TASKS;
            var t = BATON_TIMERS;
            return tx.dsl()
                .select(
                    DSL.field(
                        DSL.exists(DSL.selectOne().from(w).where(w.RUN_ID.eq("\u0001run#0")))),
                    DSL.field(
                        DSL.exists(DSL.selectOne().from(a).where(a.RUN_ID.eq("\u0001run#1")))),
                    DSL.field(
                        DSL.exists(DSL.selectOne().from(t).where(t.RUN_ID.eq("\u0001run#2")))));
          });

  /**
   * Deletes the task and timer rows of a run that closes, which this transaction has locked: from
   * the tables that held rows of it when it was locked ({@link LockedRun#rowsAtLock()}), or, when
   * this transaction has inserted some since, from those one read finds holding any.
   */
  static void deleteRunTasks(Tx tx, LockedRun run) {
    String runId = run.runId();
    boolean workflowTask = run.rowsAtLock().workflowTask();
    boolean activityTasks = run.activityTasksLeft() > 0;
    boolean timers = run.timersLeft() > 0;
    if (tx.wroteTaskRows(runId)) {
      boolean[] held =
          RUN_TASKS_HELD.queryOne(
              tx,
              row -> new boolean[] {row.getBoolean(1), row.getBoolean(2), row.getBoolean(3)},
              runId,
              runId,
              runId);
      if (held == null) {
        throw new IllegalStateException("No answer to which tables hold rows of run " + runId);
      }
      workflowTask = held[0];
      activityTasks = held[1];
      timers = held[2];
    }
    var w = BATON_WORKFLOW_TASKS;
    var a = BATON_ACTIVITY_TASKS;
    var t = BATON_TIMERS;
    if (workflowTask) {
      tx.dsl().deleteFrom(w).where(w.RUN_ID.eq(runId)).execute();
    }
    if (activityTasks) {
      tx.dsl().deleteFrom(a).where(a.RUN_ID.eq(runId)).execute();
    }
    if (timers) {
      tx.dsl().deleteFrom(t).where(t.RUN_ID.eq(runId)).execute();
    }
  }

  /**
   * Records a failed attempt of a workflow task (a non-determinism error, a bug in workflow code)
   * on the task row only, leaving history unchanged, and makes the task visible again after {@code
   * retryDelayMillis}. Returns whether the lease was still valid.
   */
  public boolean fail(ClaimedWorkflowTask task, String failure, long retryDelayMillis) {
    return db.transact(
        tx -> {
          var t = BATON_WORKFLOW_TASKS;
          return tx.dsl()
                  .update(t)
                  .set(t.STATE, SCHEDULED)
                  .set(t.ATTEMPT, t.ATTEMPT.plus(1))
                  .set(t.VISIBLE_AT, tx.now() + retryDelayMillis)
                  .setNull(t.LEASE_TOKEN)
                  .setNull(t.LEASE_OWNER)
                  .setNull(t.LEASE_EXPIRES_AT)
                  .setNull(t.STICKY_OWNER)
                  .setNull(t.STICKY_UNTIL)
                  .set(t.LAST_FAILURE, failure)
                  .where(t.RUN_ID.eq(task.runId()))
                  .and(t.LEASE_TOKEN.eq(task.leaseToken()))
                  .execute()
              == 1;
        });
  }

  /**
   * Extends the lease of a claimed workflow task that is still working (running local activities)
   * to {@code leaseMillis} from now. Returns whether the lease was still valid.
   */
  public boolean extendLease(ClaimedWorkflowTask task, long leaseMillis) {
    return db.transact(
        tx -> {
          var t = BATON_WORKFLOW_TASKS;
          return tx.dsl()
                  .update(t)
                  .set(t.LEASE_EXPIRES_AT, tx.now() + leaseMillis)
                  .where(t.RUN_ID.eq(task.runId()))
                  .and(t.LEASE_TOKEN.eq(task.leaseToken()))
                  .execute()
              == 1;
        });
  }

  /** Gives a claimed task back untouched (on shutdown), so another worker can take it at once. */
  public void release(ClaimedWorkflowTask task) {
    db.transact(
        tx -> {
          var t = BATON_WORKFLOW_TASKS;
          return tx.dsl()
              .update(t)
              .set(t.STATE, SCHEDULED)
              .set(t.VISIBLE_AT, tx.now())
              .setNull(t.LEASE_TOKEN)
              .setNull(t.LEASE_OWNER)
              .setNull(t.LEASE_EXPIRES_AT)
              .setNull(t.STICKY_OWNER)
              .setNull(t.STICKY_UNTIL)
              .where(t.RUN_ID.eq(task.runId()))
              .and(t.LEASE_TOKEN.eq(task.leaseToken()))
              .execute();
        });
  }

  /**
   * Makes workflow tasks whose lease expired available again with a new attempt; the old token
   * stops being valid in the same statement. Returns how many.
   */
  public int expireLeases() {
    var t = BATON_WORKFLOW_TASKS;
    // Keys first, then one update per primary key: a range UPDATE over the expiry index
    // deadlocked against claims on MySQL.
    List<String> expired =
        db.transact(
            tx ->
                tx.dsl()
                    .select(t.RUN_ID)
                    .from(t)
                    .where(t.STATE.eq(STARTED))
                    .and(t.LEASE_EXPIRES_AT.le(tx.now()))
                    .limit(100)
                    .fetch(t.RUN_ID));
    int count = 0;
    for (String runId : expired) {
      count +=
          db.transact(
              tx ->
                  tx.dsl()
                      .update(t)
                      .set(t.STATE, SCHEDULED)
                      .set(t.ATTEMPT, t.ATTEMPT.plus(1))
                      .set(t.VISIBLE_AT, tx.now())
                      .set(
                          t.LAST_FAILURE,
                          DSL.concat(
                              DSL.inline("Workflow task timed out: worker "),
                              t.LEASE_OWNER,
                              DSL.inline(" did not commit before its lease expired")))
                      .setNull(t.LEASE_TOKEN)
                      .setNull(t.LEASE_OWNER)
                      .setNull(t.LEASE_EXPIRES_AT)
                      .setNull(t.STICKY_OWNER)
                      .setNull(t.STICKY_UNTIL)
                      .where(t.RUN_ID.eq(runId))
                      .and(t.STATE.eq(STARTED))
                      .and(t.LEASE_EXPIRES_AT.le(tx.now()))
                      .execute());
    }
    return count;
  }

  /** The run with this id, or {@code null}. */
  public @Nullable RunInfo findRun(String runId) {
    BatonRunsRecord r =
        db.dsl().selectFrom(BATON_RUNS).where(BATON_RUNS.RUN_ID.eq(runId)).fetchOne();
    return r == null ? null : toInfo(r);
  }

  /** The current (latest) run of {@code workflowId}, or {@code null}. */
  public @Nullable RunInfo findCurrentRun(String workflowId) {
    String runId =
        db.dsl()
            .select(BATON_CURRENT_RUNS.RUN_ID)
            .from(BATON_CURRENT_RUNS)
            .where(BATON_CURRENT_RUNS.WORKFLOW_ID.eq(workflowId))
            .fetchOne(BATON_CURRENT_RUNS.RUN_ID);
    return runId == null ? null : findRun(runId);
  }

  /** The pending workflow task of the run, or {@code null}. */
  /**
   * A page of the runs {@code filter} selects, newest first (by start time, then run id), and the
   * token of the next page.
   *
   * @throws IllegalArgumentException if the page token is not one this method returned
   */
  public dev.baton.RunPage listRuns(dev.baton.RunFilter filter) {
    var r = BATON_RUNS;
    org.jooq.Condition where = org.jooq.impl.DSL.trueCondition();
    if (filter.status() != null) {
      where = where.and(r.STATUS.eq(filter.status().name()));
    }
    if (filter.workflowType() != null) {
      where = where.and(r.WORKFLOW_TYPE.eq(filter.workflowType()));
    }
    if (filter.startedFrom() != null) {
      where = where.and(r.START_TIME.ge(filter.startedFrom().toEpochMilli()));
    }
    if (filter.startedBefore() != null) {
      where = where.and(r.START_TIME.lt(filter.startedBefore().toEpochMilli()));
    }
    if (filter.workflowIdPrefix() != null) {
      String escaped =
          filter.workflowIdPrefix().replace("!", "!!").replace("%", "!%").replace("_", "!_");
      where = where.and(r.WORKFLOW_ID.like(escaped + "%", '!'));
    }
    if (filter.pageToken() != null) {
      PageToken after = PageToken.parse(filter.pageToken());
      where =
          where.and(
              r.START_TIME
                  .lt(after.startTime())
                  .or(r.START_TIME.eq(after.startTime()).and(r.RUN_ID.lt(after.runId()))));
    }
    org.jooq.Condition condition = where;
    List<BatonRunsRecord> rows =
        db.transact(
            tx ->
                tx.dsl()
                    .selectFrom(r)
                    .where(condition)
                    .orderBy(r.START_TIME.desc(), r.RUN_ID.desc())
                    .limit(filter.pageSize() + 1)
                    .fetch());
    boolean more = rows.size() > filter.pageSize();
    List<dev.baton.RunSummary> runs = new ArrayList<>();
    for (BatonRunsRecord row : rows.subList(0, Math.min(rows.size(), filter.pageSize()))) {
      runs.add(
          new dev.baton.RunSummary(
              row.getWorkflowId(),
              row.getRunId(),
              row.getWorkflowType(),
              row.getTaskQueue(),
              WorkflowStatus.valueOf(row.getStatus()),
              java.time.Instant.ofEpochMilli(row.getStartTime()),
              row.getCloseTime() == null
                  ? null
                  : java.time.Instant.ofEpochMilli(row.getCloseTime())));
    }
    String next = null;
    if (more) {
      dev.baton.RunSummary last = runs.get(runs.size() - 1);
      next = new PageToken(last.startTime().toEpochMilli(), last.runId()).text();
    }
    return new dev.baton.RunPage(runs, next);
  }

  /** Where a page of {@link #listRuns} starts: after this run. */
  private record PageToken(long startTime, String runId) {
    String text() {
      return java.util.Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((startTime + ":" + runId).getBytes(StandardCharsets.UTF_8));
    }

    static PageToken parse(String text) {
      try {
        String decoded =
            new String(java.util.Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return new PageToken(
            Long.parseLong(decoded.substring(0, colon)), decoded.substring(colon + 1));
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        throw new IllegalArgumentException(
            "Not a page token of listRuns: '" + text + "'. Pass a RunPage.nextPageToken().", e);
      }
    }
  }

  /** The time now, by the time source. */
  public long now() {
    return db.transact(Tx::now);
  }

  public @Nullable BatonWorkflowTasksRecord findWorkflowTask(String runId) {
    return db.dsl()
        .selectFrom(BATON_WORKFLOW_TASKS)
        .where(BATON_WORKFLOW_TASKS.RUN_ID.eq(runId))
        .fetchOne();
  }

  private static RunInfo toInfo(BatonRunsRecord r) {
    return new RunInfo(
        r.getRunId(),
        r.getWorkflowId(),
        r.getWorkflowType(),
        r.getTaskQueue(),
        WorkflowStatus.valueOf(r.getStatus()),
        r.getResult(),
        r.getFailure(),
        r.getNextEventId(),
        r.getStartTime(),
        r.getCloseTime(),
        r.getNextRunId());
  }
}
