package dev.baton.internal.store;

import static dev.baton.internal.jooq.Tables.BATON_RUNS;
import static dev.baton.internal.jooq.Tables.BATON_TIMERS;

import dev.baton.internal.history.Event;
import dev.baton.internal.jooq.tables.records.BatonRunsRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/** Durable timers: rows with a due time, turned into {@code TimerFired} events when due. */
public final class TimerStore {
  private final Database db;
  private final WorkflowStore workflows;

  /** A store over {@code db}; {@code workflows} appends the workflow tasks timers fire with. */
  public TimerStore(Database db, WorkflowStore workflows) {
    this.db = db;
    this.workflows = workflows;
  }

  private static final RenderedSql INSERT_TIMER =
      new RenderedSql(
          "insert timer",
          List.of("\u0001run", 1_000_001, "\u0001workflow", 1_000_000_002L),
          tx ->
              tx.dsl()
                  .insertInto(BATON_TIMERS)
                  .set(BATON_TIMERS.RUN_ID, "\u0001run")
                  .set(BATON_TIMERS.SEQ, 1_000_001)
                  .set(BATON_TIMERS.WORKFLOW_ID, "\u0001workflow")
                  .set(BATON_TIMERS.FIRE_AT, 1_000_000_002L));

  private static final RenderedSql DELETE_TIMER =
      new RenderedSql(
          "delete timer",
          List.of("\u0001run", 1_000_001),
          tx ->
              tx.dsl()
                  .deleteFrom(BATON_TIMERS)
                  .where(BATON_TIMERS.RUN_ID.eq("\u0001run"))
                  .and(BATON_TIMERS.SEQ.eq(1_000_001)));

  /** Deletes a timer that is due by the given time. */
  private static final RenderedSql DELETE_DUE_TIMER =
      new RenderedSql(
          "delete due timer",
          List.of("\u0001run", 1_000_001, 1_000_000_002L),
          tx ->
              tx.dsl()
                  .deleteFrom(BATON_TIMERS)
                  .where(BATON_TIMERS.RUN_ID.eq("\u0001run"))
                  .and(BATON_TIMERS.SEQ.eq(1_000_001))
                  .and(BATON_TIMERS.FIRE_AT.le(1_000_000_002L)));

  static void insertTimer(Tx tx, BatonRunsRecord run, Event.TimerStarted timer) {
    tx.noteTaskRows(run.getRunId());
    INSERT_TIMER.update(
        tx, run.getRunId(), timer.seq(), run.getWorkflowId(), tx.now() + timer.durationMillis());
  }

  /** Deletes timer {@code seq} of run {@code runId}; returns how many rows it deleted. */
  static int deleteTimer(Tx tx, String runId, int seq) {
    return DELETE_TIMER.update(tx, runId, seq);
  }

  /**
   * How long until the earliest timer is due by the time source, at least 0; {@code Long.MAX_VALUE}
   * when there is none.
   */
  public long millisUntilNextDue() {
    return db.transact(
        tx -> {
          Long next =
              tx.dsl().select(DSL.min(BATON_TIMERS.FIRE_AT)).from(BATON_TIMERS).fetchOne().value1();
          return next == null ? Long.MAX_VALUE : Math.max(0, next - tx.now());
        });
  }

  /**
   * Up to {@code max} timers that are due by the time source, the earliest first, read without
   * locking anything: {@link #fire} fires them.
   */
  public DueTimers due(int max) {
    return db.transact(tx -> new DueTimers(selectDue(tx, max), tx.now(), System.nanoTime()));
  }

  /**
   * Fires {@code due} in one transaction: for each timer, in the order of the runs' ids (so two
   * sweepers lock runs in one order), it deletes the row (all of them by one batch), appends {@code
   * TimerFired} and schedules a workflow task. A timer whose row another sweeper deleted first, or
   * whose run closed, is skipped by its row count, not by rolling back the others, so a timer fires
   * once even when several processes sweep. The runs are locked by one statement first ({@link
   * LockedRun#lockAll}), and the timers' history events and run updates written together at the end
   * ({@link GroupWrites}).
   *
   * <p>Before the transaction, {@code resumer} may work the workflow task of a run whose one due
   * timer this is (a worker of this process runs it): that timer fires with its task in the same
   * transaction, and no task is scheduled, claimed or read. {@code due} must hold every due timer
   * of each of its runs that the read found (see {@link DueTimers#byRuns}).
   */
  public void fire(DueTimers due, TimerResumer resumer) {
    if (due.timers().isEmpty()) {
      return;
    }
    Map<DueTimer, TimerWorkflowTask> tasks = resume(due, resumer);
    List<DueTimer> timers = due.timers().stream().sorted(DueTimer.LOCK_ORDER).toList();
    Map<DueTimer, CompletionResult> committed;
    try {
      committed =
          db.transact(
              tx ->
                  tx.sharedByRuns(
                      timers.stream().map(DueTimer::runId).toList(),
                      () -> {
                        int[] deleted = deleteDue(tx, timers);
                        Map<DueTimer, CompletionResult> results = new HashMap<>();
                        for (int i = 0; i < timers.size(); i++) {
                          DueTimer timer = timers.get(i);
                          CompletionResult result = fire(tx, timer, deleted[i], tasks.get(timer));
                          if (result != null) {
                            results.put(timer, result);
                          }
                        }
                        return results;
                      }));
    } catch (RuntimeException | Error e) {
      tasks.values().forEach(task -> task.afterCommit().accept(null));
      throw e;
    }
    tasks.forEach((timer, task) -> task.afterCommit().accept(committed.get(timer)));
  }

  private static List<DueTimer> selectDue(Tx tx, int max) {
    var t = BATON_TIMERS;
    var r = BATON_RUNS;
    return tx.dsl()
        .select(t.RUN_ID, t.SEQ, t.WORKFLOW_ID, r.WORKFLOW_TYPE, r.TASK_QUEUE, r.STICKY_OWNER)
        .from(t)
        .join(r)
        .on(r.RUN_ID.eq(t.RUN_ID))
        .where(t.FIRE_AT.le(tx.now()))
        .orderBy(t.FIRE_AT)
        .limit(max)
        .fetch(Records.mapping(DueTimer::new));
  }

  /** The workflow tasks {@code resumer} works, for runs with one due timer among {@code due}. */
  private Map<DueTimer, TimerWorkflowTask> resume(DueTimers due, TimerResumer resumer) {
    if (resumer == TimerResumer.NONE) {
      return Map.of();
    }
    Map<String, Long> timersPerRun =
        due.timers().stream()
            .collect(Collectors.groupingBy(DueTimer::runId, Collectors.counting()));
    List<DueTimer> alone =
        due.timers().stream().filter(timer -> timersPerRun.get(timer.runId()) == 1).toList();
    return alone.isEmpty()
        ? Map.of()
        : resumer.resume(alone, db.nowSince(due.now(), due.nanos()), workflows::readHistories);
  }

  /**
   * Deletes the rows of {@code timers} that are still due, as one batch: one round trip instead of
   * one per timer; returns each timer's row count (0: another sweeper fired it first, or this
   * firing's first try did).
   */
  private static int[] deleteDue(Tx tx, List<DueTimer> timers) {
    List<Object[]> keys = new ArrayList<>(timers.size());
    for (DueTimer timer : timers) {
      keys.add(new Object[] {timer.runId(), timer.seq(), tx.now()});
    }
    return DELETE_DUE_TIMER.updateBatch(tx, keys);
  }

  /**
   * Fires {@code timer}, whose row the transaction deleted ({@code deleted} is 1) or found gone,
   * with {@code task} when it is given and the run has not moved on since the task's code ran;
   * returns how the task's commit ended, or {@code null} when the timer fired alone or not at all.
   */
  private @Nullable CompletionResult fire(
      Tx tx, DueTimer timer, int deleted, @Nullable TimerWorkflowTask task) {
    LockedRun run = LockedRun.lock(tx, timer.runId());
    if (run == null) {
      return null; // its run is gone: its row, if any, went with the others
    }
    if (deleted == 1) {
      run.timerDeleted();
    }
    if (deleted == 0) {
      // Fired by another sweeper, or by this one's first try of this transaction.
      return task == null ? null : workflows.timerTaskCommittedBefore(tx, timer, task);
    }
    if (!run.isRunning()) {
      return null; // cancelled
    }
    run.append(new Event.TimerFired(timer.seq()));
    if (task != null) {
      CompletionResult result = workflows.appendTimerTask(tx, run, task);
      if (result != null) {
        return result;
      }
    }
    run.ensureWorkflowTaskScheduled();
    run.flush();
    return null;
  }
}
