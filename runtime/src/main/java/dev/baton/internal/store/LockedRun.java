package dev.baton.internal.store;

import static dev.baton.internal.jooq.Tables.BATON_ACTIVITY_TASKS;
import static dev.baton.internal.jooq.Tables.BATON_RUNS;
import static dev.baton.internal.jooq.Tables.BATON_TIMERS;
import static dev.baton.internal.jooq.Tables.BATON_WORKFLOW_TASKS;

import dev.baton.WorkflowStatus;
import dev.baton.internal.history.Event;
import dev.baton.internal.history.EventCodec;
import dev.baton.internal.history.StoredEvent;
import dev.baton.internal.jooq.tables.records.BatonHistoryRecord;
import dev.baton.internal.jooq.tables.records.BatonRunsRecord;
import dev.baton.internal.jooq.tables.records.BatonWorkflowTasksRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * A run whose row this transaction has locked ({@code SELECT ... FOR UPDATE}), so that it alone
 * appends to the run's history. Events get contiguous ids from {@code next_event_id}; {@link
 * #flush()} writes them and the new {@code next_event_id}.
 */
final class LockedRun {
  static final String SCHEDULED = "SCHEDULED";
  static final String STARTED = "STARTED";

  /**
   * How long a new workflow task waits for the worker that holds the run in its cache before any
   * worker may take it.
   */
  static final long STICKY_MILLIS = 2_000;

  private final Tx tx;
  private final BatonRunsRecord run;
  private final long nextEventIdAtLock;
  private final List<BatonHistoryRecord> pending = new ArrayList<>();
  private final List<StoredEvent> appended = new ArrayList<>();
  private long addedBytes;
  private long nextEventId;
  private boolean stickyChanged;
  private boolean closed;
  private boolean rowInserted = true;
  private final RowsAtLock rowsAtLock;
  private int activityTasksDeleted;
  private int timersDeleted;

  /**
   * The run's other rows when its row was locked: whether it had a workflow task, how many activity
   * tasks and timers (all written under the run's lock), whether it ever had a child run. A closing
   * run deletes only what it still holds and looks for children to notify only when it has any.
   */
  record RowsAtLock(boolean workflowTask, int activityTasks, int timers, boolean children) {
    static final RowsAtLock NONE = new RowsAtLock(false, 0, 0, false);

    static RowsAtLock read(java.sql.ResultSet row) throws java.sql.SQLException {
      return new RowsAtLock(
          row.getBoolean(RUN_COLUMNS + 2),
          row.getInt(RUN_COLUMNS + 3),
          row.getInt(RUN_COLUMNS + 4),
          row.getBoolean(RUN_COLUMNS + 5));
    }
  }

  private LockedRun(Tx tx, BatonRunsRecord run, RowsAtLock rowsAtLock) {
    this.tx = tx;
    this.run = run;
    this.nextEventIdAtLock = run.getNextEventId();
    this.nextEventId = run.getNextEventId();
    this.rowsAtLock = rowsAtLock;
  }

  /**
   * Locks the run's row, or returns {@code null} when there is no such run. The same statement
   * reads the transaction's now, and the run's other rows ({@link RowsAtLock}; not locked: rows of
   * a run are written under its lock).
   */
  static @Nullable LockedRun lock(Tx tx, String runId) {
    GroupWrites group = tx.groupWrites();
    if (group != null && group.holds(runId)) {
      group.write(tx); // locked before in this transaction: read what it wrote
    }
    LockedRun prefetched = tx.takeLockedRun(runId);
    if (prefetched != null) {
      return prefetched;
    }
    List<LockedRun> locked = lock(tx, List.of(runId));
    return locked.isEmpty() ? null : locked.get(0);
  }

  private static final int RUN_COLUMNS = BATON_RUNS.fields().length;

  /**
   * Locks the rows of {@code runIds} (distinct) in one statement, in the order of their ids, for a
   * transaction that many runs share: each run's first {@link #lock} in the transaction then takes
   * its row without a statement of its own. The statement reads the clock too, when the transaction
   * has not.
   */
  static void lockAll(Tx tx, List<String> runIds) {
    if (!runIds.isEmpty()) {
      lock(tx, runIds).forEach(tx::putLockedRun);
    }
  }

  /**
   * Locks the rows of {@code runIds} (distinct, at least one) in one statement, in the order of
   * their ids, reading the clock with them when the transaction has not; returns those found.
   */
  private static List<LockedRun> lock(Tx tx, List<String> runIds) {
    Long knownNow = tx.knownNow();
    List<Object> values = new ArrayList<>(runIds.size() + 1);
    if (knownNow != null) {
      values.add(knownNow);
    }
    values.addAll(runIds);
    return lockStatement(runIds.size(), knownNow == null)
        .queryList(
            tx,
            row -> {
              BatonRunsRecord run = RenderedSql.readRecord(tx, BATON_RUNS, row);
              if (knownNow == null) {
                tx.noteNow(row.getLong(RUN_COLUMNS + 1));
              }
              return new LockedRun(tx, run, RowsAtLock.read(row));
            },
            values.toArray());
  }

  /** The lock statements, by run count; negative counts for those at a known time. */
  private static final java.util.concurrent.ConcurrentMap<Integer, RenderedSql> LOCKS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The statement locking {@code count} runs; reading the clock or at a known time. */
  private static RenderedSql lockStatement(int count, boolean readClock) {
    return LOCKS.computeIfAbsent(
        readClock ? count : -count,
        key -> {
          List<Object> placeholders = new ArrayList<>();
          if (!readClock) {
            placeholders.add(1_000_001L);
          }
          List<String> runs = new ArrayList<>();
          for (int i = 0; i < count; i++) {
            runs.add("\u0001run#" + i);
          }
          placeholders.addAll(runs);
          return new RenderedSql(
              count == 1 ? "lock run" : "lock " + count + " runs",
              placeholders,
              tx -> lockQuery(tx, readClock ? null : 1_000_001L, runs));
        });
  }

  private static org.jooq.Query lockQuery(Tx tx, @Nullable Long now, List<String> runIds) {
    Field<Long> clock = now == null ? tx.dialect().nowMillis() : DSL.val(now);
    var child = BATON_RUNS.as("child");
    var select =
        tx.dsl()
            .select(BATON_RUNS.fields())
            .select(
                clock,
                hasRowOf(BATON_WORKFLOW_TASKS, BATON_WORKFLOW_TASKS.RUN_ID),
                rowsOf(BATON_ACTIVITY_TASKS, BATON_ACTIVITY_TASKS.RUN_ID),
                rowsOf(BATON_TIMERS, BATON_TIMERS.RUN_ID),
                hasRowOf(child, child.PARENT_RUN_ID))
            .from(BATON_RUNS);
    return runIds.size() == 1
        ? select.where(BATON_RUNS.RUN_ID.eq(runIds.get(0))).forUpdate()
        : select.where(BATON_RUNS.RUN_ID.in(runIds)).orderBy(BATON_RUNS.RUN_ID).forUpdate();
  }

  /** How many rows of {@code table} name the locked run in {@code runColumn} (not locked). */
  private static Field<Integer> rowsOf(org.jooq.Table<?> table, Field<String> runColumn) {
    return DSL.field(DSL.selectCount().from(table).where(runColumn.eq(BATON_RUNS.RUN_ID)));
  }

  /** Whether {@code table} has a row whose {@code runColumn} names the locked run (not locked). */
  private static Field<Boolean> hasRowOf(org.jooq.Table<?> table, Field<String> runColumn) {
    return DSL.field(
        DSL.exists(DSL.selectOne().from(table).where(runColumn.eq(BATON_RUNS.RUN_ID))));
  }

  /** Whether the run had a workflow task row when this transaction locked it. */
  boolean hadWorkflowTaskAtLock() {
    return rowsAtLock.workflowTask();
  }

  /** The run's other rows when this transaction locked it. */
  RowsAtLock rowsAtLock() {
    return rowsAtLock;
  }

  /** Notes that this transaction deleted one of the run's activity task rows. */
  void activityTaskDeleted() {
    activityTasksDeleted++;
  }

  /** Notes that this transaction deleted one of the run's timer rows. */
  void timerDeleted() {
    timersDeleted++;
  }

  /** How many of the run's activity task rows, of those it had at lock, this transaction left. */
  int activityTasksLeft() {
    return rowsAtLock.activityTasks() - activityTasksDeleted;
  }

  /** How many of the run's timer rows, of those it had at lock, this transaction left. */
  int timersLeft() {
    return rowsAtLock.timers() - timersDeleted;
  }

  /**
   * Wraps a new run's row, not inserted yet: the first {@link #flush()} inserts it with its history
   * counters set, so no update follows.
   */
  static LockedRun forNewRun(Tx tx, BatonRunsRecord run) {
    LockedRun locked = new LockedRun(tx, run, RowsAtLock.NONE);
    locked.rowInserted = false;
    return locked;
  }

  /** The transaction that holds the lock. */
  Tx tx() {
    return tx;
  }

  BatonRunsRecord row() {
    return run;
  }

  String runId() {
    return run.getRunId();
  }

  boolean isRunning() {
    return WorkflowStatus.RUNNING.name().equals(run.getStatus());
  }

  /** The {@code next_event_id} the row held when it was locked. */
  long nextEventIdAtLock() {
    return nextEventIdAtLock;
  }

  /** Appends an event and returns its id. */
  long append(Event event) {
    long id = nextEventId++;
    String attributes = EventCodec.write(event);
    addedBytes += attributes.length();
    pending.add(
        new BatonHistoryRecord(
            run.getRunId(), id, event.typeName(), tx.now(), attributes, event.requestId()));
    appended.add(new StoredEvent(id, tx.now(), event));
    return id;
  }

  /** The events this transaction appended, from {@link #nextEventIdAtLock()} on. */
  HistoryTail appendedEvents() {
    return new HistoryTail(nextEventIdAtLock, List.copyOf(appended));
  }

  /** The size of the run's history, the events appended in this transaction included. */
  long historyBytes() {
    return (run.getHistoryBytes() == null ? 0 : run.getHistoryBytes()) + addedBytes;
  }

  /** The id the next appended event gets. */
  long nextEventId() {
    return nextEventId;
  }

  /**
   * Makes sure the run has a pending workflow task, so that the events just appended are seen: a
   * scheduled or started task already sees them (a started one's commit notices that history grew);
   * otherwise a new task is scheduled. Returns whether one was scheduled.
   */
  boolean ensureWorkflowTaskScheduled() {
    return insertWorkflowTask(newWorkflowTask(run.getStickyOwner(), 0), true);
  }

  /**
   * As {@link #ensureWorkflowTaskScheduled()}, but a new task is leased at once to {@code owner},
   * which holds the run in its cache and has a workflow slot set aside for it, so that it works the
   * task without a claim. Returns the task, or {@code null} when the run had one already.
   */
  @Nullable ClaimedWorkflowTask ensureWorkflowTaskLeasedTo(String owner, long leaseMillis) {
    long now = tx.now();
    String token = UUID.randomUUID().toString();
    BatonWorkflowTasksRecord row =
        newWorkflowTask(owner, 0)
            .setState(STARTED)
            .setLeaseToken(token)
            .setLeaseOwner(owner)
            .setLeaseExpiresAt(now + leaseMillis)
            .setStartedAt(now);
    return insertWorkflowTask(row, true)
        ? new ClaimedWorkflowTask(
            run.getRunId(), run.getWorkflowId(), run.getWorkflowType(), token, 1, now)
        : null;
  }

  /**
   * The run's workflow task if it is a first attempt started under a lease of {@code owner}'s: what
   * an activity completion leased to its worker (see {@link #ensureWorkflowTaskLeasedTo}), found
   * again by a retry of that completion. {@code null} otherwise.
   */
  static @Nullable ClaimedWorkflowTask workflowTaskLeasedTo(Tx tx, String runId, String owner) {
    var t = BATON_WORKFLOW_TASKS;
    var row =
        tx.dsl()
            .selectFrom(t)
            .where(t.RUN_ID.eq(runId))
            .and(t.STATE.eq(STARTED))
            .and(t.LEASE_OWNER.eq(owner))
            .and(t.ATTEMPT.eq(1))
            .and(t.WORKFLOW_TYPE.isNotNull())
            .fetchOne();
    return row == null
        ? null
        : new ClaimedWorkflowTask(
            runId,
            row.getWorkflowId(),
            row.getWorkflowType(),
            row.getLeaseToken(),
            1,
            row.getStartedAt());
  }

  /**
   * Closes the run with {@code status}, and its result or failure (JSON), at this transaction's
   * now; {@link #flush()} writes it with the run's other changes.
   */
  void close(WorkflowStatus status, @Nullable String result, @Nullable String failure) {
    run.setStatus(status.name()).setResult(result).setFailure(failure).setCloseTime(tx.now());
    closed = true;
  }

  /** Notes the worker that holds the run in its cache, for the run's next workflow task. */
  void stickTo(String owner) {
    if (!owner.equals(run.getStickyOwner())) {
      run.setStickyOwner(owner);
      stickyChanged = true;
    }
  }

  /**
   * Inserts a new workflow task row and its scheduled event, sticky to {@code stickyOwner} (if not
   * null) for {@link #STICKY_MILLIS}.
   */
  void scheduleWorkflowTask(@Nullable String stickyOwner) {
    scheduleWorkflowTask(stickyOwner, 0);
  }

  /** As {@link #scheduleWorkflowTask(String)}, for a task that becomes visible after a delay. */
  void scheduleWorkflowTask(@Nullable String stickyOwner, long delayMillis) {
    insertWorkflowTask(newWorkflowTask(stickyOwner, delayMillis), false);
  }

  /** The row of a new, scheduled workflow task of the run, not inserted yet. */
  private BatonWorkflowTasksRecord newWorkflowTask(@Nullable String stickyOwner, long delayMillis) {
    long now = tx.now();
    return tx.dsl()
        .newRecord(BATON_WORKFLOW_TASKS)
        .setRunId(run.getRunId())
        .setWorkflowId(run.getWorkflowId())
        .setWorkflowType(run.getWorkflowType())
        .setTaskQueue(run.getTaskQueue())
        .setState(SCHEDULED)
        .setAttempt(1)
        .setVisibleAt(now + delayMillis)
        .setStickyOwner(stickyOwner)
        .setStickyUntil(stickyOwner == null ? null : now + STICKY_MILLIS);
  }

  /**
   * Inserts {@code row} and appends the task's scheduled event; with {@code ifAbsent}, a row the
   * run has already is kept (one statement: no read first) and nothing is appended. Returns whether
   * the row was inserted.
   */
  private boolean insertWorkflowTask(BatonWorkflowTasksRecord row, boolean ifAbsent) {
    var insert = tx.dsl().insertInto(BATON_WORKFLOW_TASKS).set(row);
    tx.noteTaskRows(run.getRunId());
    boolean inserted = (ifAbsent ? insert.onDuplicateKeyIgnore().execute() : insert.execute()) == 1;
    if (inserted) {
      append(new Event.WorkflowTaskScheduled(run.getTaskQueue()));
    }
    return inserted;
  }

  /**
   * Writes the appended events and the new {@code next_event_id}; in a transaction that defers its
   * writes ({@link Tx#groupWrites()}), hands them to it, to be written with those of other runs.
   */
  void flush() {
    if (pending.isEmpty() && !stickyChanged && !closed && rowInserted) {
      return;
    }
    GroupWrites group = rowInserted ? tx.groupWrites() : null;
    if (!pending.isEmpty()) {
      if (group != null) {
        group.addEvents(run.getRunId(), pending);
      } else {
        HistoryInserts.insert(tx, pending);
      }
      pending.clear();
    }
    long bytes = historyBytes();
    if (!rowInserted) {
      run.setNextEventId(nextEventId).setHistoryBytes(bytes);
      // Not run.insert(): on MariaDB jOOQ renders INSERT ... RETURNING, which Connector/J refuses.
      INSERT_RUN.update(tx, run.intoArray());
      rowInserted = true;
      closed = false;
      addedBytes = 0;
      return;
    }
    Object[] update =
        closed
            ? new Object[] {
              nextEventId,
              bytes,
              run.getStickyOwner(),
              run.getStatus(),
              run.getResult(),
              run.getFailure(),
              run.getCloseTime(),
              run.getRunId()
            }
            : new Object[] {nextEventId, bytes, run.getStickyOwner(), run.getRunId()};
    if (group != null) {
      group.addRunUpdate(run.getRunId(), closed, update);
    } else {
      (closed ? UPDATE_CLOSING_RUN : UPDATE_RUN).update(tx, update);
    }
    stickyChanged = false;
    closed = false;
    run.setNextEventId(nextEventId);
    run.setHistoryBytes(bytes);
    addedBytes = 0;
  }

  /** Writes the run updates deferred by {@link #flush()}, each kind in one batch. */
  static void updateRuns(Tx tx, List<Object[]> goingOn, List<Object[]> closing) {
    UPDATE_RUN.updateBatch(tx, goingOn);
    UPDATE_CLOSING_RUN.updateBatch(tx, closing);
  }

  /** {@link #flush()}'s insert of a new run's row. */
  private static final RenderedSql INSERT_RUN = RenderedSql.insertRow("insert run", BATON_RUNS);

  /** {@link #flush()}'s update of a run that goes on. */
  private static final RenderedSql UPDATE_RUN = updateRun("update run", false);

  /** {@link #flush()}'s update of a run that closes: its status and outcome too. */
  private static final RenderedSql UPDATE_CLOSING_RUN = updateRun("update closing run", true);

  private static RenderedSql updateRun(String name, boolean closing) {
    List<Object> placeholders = new ArrayList<>(List.of(1_000_001L, 1_000_002L, "\u0001owner"));
    if (closing) {
      placeholders.addAll(List.of("\u0001status", "\u0001result", "\u0001failure", 1_000_003L));
    }
    placeholders.add("\u0001run");
    return new RenderedSql(
        name,
        placeholders,
        tx -> {
          var update =
              tx.dsl()
                  .update(BATON_RUNS)
                  .set(BATON_RUNS.NEXT_EVENT_ID, 1_000_001L)
                  .set(BATON_RUNS.HISTORY_BYTES, 1_000_002L)
                  .set(BATON_RUNS.STICKY_OWNER, "\u0001owner");
          if (closing) {
            update =
                update
                    .set(BATON_RUNS.STATUS, "\u0001status")
                    .set(BATON_RUNS.RESULT, "\u0001result")
                    .set(BATON_RUNS.FAILURE, "\u0001failure")
                    .set(BATON_RUNS.CLOSE_TIME, 1_000_003L);
          }
          return update.where(BATON_RUNS.RUN_ID.eq("\u0001run"));
        });
  }
}
