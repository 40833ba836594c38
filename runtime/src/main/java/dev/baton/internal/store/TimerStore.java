package dev.baton.internal.store;

import static dev.baton.internal.jooq.Tables.BATON_RUNS;
import static dev.baton.internal.jooq.Tables.BATON_TIMERS;

import dev.baton.internal.history.Event;
import dev.baton.internal.jooq.tables.records.BatonRunsRecord;
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

  static void insertTimer(Tx tx, BatonRunsRecord run, Event.TimerStarted timer) {
    tx.noteTaskRows(run.getRunId());
    tx.dsl()
        .insertInto(BATON_TIMERS)
        .set(BATON_TIMERS.RUN_ID, run.getRunId())
        .set(BATON_TIMERS.SEQ, timer.seq())
        .set(BATON_TIMERS.WORKFLOW_ID, run.getWorkflowId())
        .set(BATON_TIMERS.FIRE_AT, tx.now() + timer.durationMillis())
        .execute();
  }

  /** Deletes timer {@code seq} of run {@code runId}; returns how many rows it deleted. */
  static int deleteTimer(Tx tx, String runId, int seq) {
    return tx.dsl()
        .deleteFrom(BATON_TIMERS)
        .where(BATON_TIMERS.RUN_ID.eq(runId))
        .and(BATON_TIMERS.SEQ.eq(seq))
        .execute();
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
   * sweepers lock runs in one order), it deletes the row, appends {@code TimerFired} and schedules
   * a workflow task. A timer whose row another sweeper deleted first, or whose run closed, is
   * skipped by its row count, not by rolling back the others, so a timer fires once even when
   * several processes sweep. The runs are locked by one statement first ({@link
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
                        Map<DueTimer, CompletionResult> results = new HashMap<>();
                        for (DueTimer timer : timers) {
                          CompletionResult result = fire(tx, timer, tasks.get(timer));
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
   * Fires {@code timer}, with {@code task} when it is given and the run has not moved on since the
   * task's code ran; returns how the task's commit ended, or {@code null} when the timer fired
   * alone or not at all.
   */
  private @Nullable CompletionResult fire(Tx tx, DueTimer timer, @Nullable TimerWorkflowTask task) {
    LockedRun run = LockedRun.lock(tx, timer.runId());
    if (run == null) {
      deleteTimer(tx, timer.runId(), timer.seq()); // its run is gone: nothing will ever fire it
      return null;
    }
    int deleted =
        tx.dsl()
            .deleteFrom(BATON_TIMERS)
            .where(BATON_TIMERS.RUN_ID.eq(timer.runId()))
            .and(BATON_TIMERS.SEQ.eq(timer.seq()))
            .and(BATON_TIMERS.FIRE_AT.le(tx.now()))
            .execute();
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
