package dev.baton.internal.store;

import static dev.baton.internal.jooq.Tables.BATON_RUNS;
import static dev.baton.internal.jooq.Tables.BATON_WORKFLOW_TASKS;

import dev.baton.WorkflowStatus;
import dev.baton.internal.history.Event;
import dev.baton.internal.history.EventCodec;
import dev.baton.internal.jooq.tables.records.BatonHistoryRecord;
import dev.baton.internal.jooq.tables.records.BatonRunsRecord;
import dev.baton.internal.jooq.tables.records.BatonWorkflowTasksRecord;
import java.util.ArrayList;
import java.util.List;
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
  private long addedBytes;
  private long nextEventId;
  private boolean stickyChanged;

  private LockedRun(Tx tx, BatonRunsRecord run) {
    this.tx = tx;
    this.run = run;
    this.nextEventIdAtLock = run.getNextEventId();
    this.nextEventId = run.getNextEventId();
  }

  /** Locks the run's row, or returns {@code null} when there is no such run. */
  static @Nullable LockedRun lock(Tx tx, String runId) {
    BatonRunsRecord run =
        tx.dsl().selectFrom(BATON_RUNS).where(BATON_RUNS.RUN_ID.eq(runId)).forUpdate().fetchOne();
    return run == null ? null : new LockedRun(tx, run);
  }

  /** Wraps a run row this transaction has just inserted. */
  static LockedRun inserted(Tx tx, BatonRunsRecord run) {
    return new LockedRun(tx, run);
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
    return id;
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
    BatonWorkflowTasksRecord task =
        tx.dsl()
            .selectFrom(BATON_WORKFLOW_TASKS)
            .where(BATON_WORKFLOW_TASKS.RUN_ID.eq(run.getRunId()))
            .forUpdate()
            .fetchOne();
    if (task != null) {
      return false;
    }
    scheduleWorkflowTask(run.getStickyOwner());
    return true;
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
    append(new Event.WorkflowTaskScheduled(run.getTaskQueue()));
    long now = tx.now();
    tx.dsl()
        .insertInto(BATON_WORKFLOW_TASKS)
        .set(BATON_WORKFLOW_TASKS.RUN_ID, run.getRunId())
        .set(BATON_WORKFLOW_TASKS.WORKFLOW_ID, run.getWorkflowId())
        .set(BATON_WORKFLOW_TASKS.TASK_QUEUE, run.getTaskQueue())
        .set(BATON_WORKFLOW_TASKS.STATE, SCHEDULED)
        .set(BATON_WORKFLOW_TASKS.ATTEMPT, 1)
        .set(BATON_WORKFLOW_TASKS.VISIBLE_AT, now + delayMillis)
        .set(BATON_WORKFLOW_TASKS.STICKY_OWNER, stickyOwner)
        .set(BATON_WORKFLOW_TASKS.STICKY_UNTIL, stickyOwner == null ? null : now + STICKY_MILLIS)
        .execute();
  }

  /** Writes the appended events and the new {@code next_event_id}. */
  void flush() {
    if (pending.isEmpty() && !stickyChanged) {
      return;
    }
    if (!pending.isEmpty()) {
      tx.dsl().batchInsert(pending).execute();
      pending.clear();
    }
    long bytes = historyBytes();
    tx.dsl()
        .update(BATON_RUNS)
        .set(BATON_RUNS.NEXT_EVENT_ID, nextEventId)
        .set(BATON_RUNS.HISTORY_BYTES, bytes)
        .set(BATON_RUNS.STICKY_OWNER, run.getStickyOwner())
        .where(BATON_RUNS.RUN_ID.eq(run.getRunId()))
        .execute();
    stickyChanged = false;
    run.setNextEventId(nextEventId);
    run.setHistoryBytes(bytes);
    addedBytes = 0;
  }
}
