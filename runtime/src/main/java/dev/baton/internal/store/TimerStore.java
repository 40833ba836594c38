package dev.baton.internal.store;

import static dev.baton.internal.jooq.Tables.BATON_TIMERS;

import dev.baton.internal.history.Event;
import dev.baton.internal.jooq.tables.records.BatonRunsRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/** Durable timers: rows with a due time, turned into {@code TimerFired} events when due. */
public final class TimerStore {
  private final Database db;

  /** A store over {@code db}. */
  public TimerStore(Database db) {
    this.db = db;
  }

  static void insertTimer(Tx tx, BatonRunsRecord run, Event.TimerStarted timer) {
    tx.dsl()
        .insertInto(BATON_TIMERS)
        .set(BATON_TIMERS.RUN_ID, run.getRunId())
        .set(BATON_TIMERS.SEQ, timer.seq())
        .set(BATON_TIMERS.WORKFLOW_ID, run.getWorkflowId())
        .set(BATON_TIMERS.FIRE_AT, tx.now() + timer.durationMillis())
        .execute();
  }

  static void deleteTimer(Tx tx, String runId, int seq) {
    tx.dsl()
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
   * Fires up to {@code max} timers that are due by the time source, in one transaction: for each,
   * in the order of their runs' ids (so two sweepers lock runs in one order), it deletes the row,
   * appends {@code TimerFired} and schedules a workflow task. A timer whose row another sweeper
   * deleted first, or whose run closed, is skipped by its row count, not by rolling back the
   * others, so a timer fires once even when several processes sweep. Returns how many due timers it
   * took, fired or skipped: fewer than {@code max} when no more are due.
   */
  public int fireDue(int max) {
    return db.transact(
        tx -> {
          List<Record2<String, Integer>> due =
              tx.dsl()
                  .select(BATON_TIMERS.RUN_ID, BATON_TIMERS.SEQ)
                  .from(BATON_TIMERS)
                  .where(BATON_TIMERS.FIRE_AT.le(tx.now()))
                  .orderBy(BATON_TIMERS.FIRE_AT)
                  .limit(max)
                  .fetch();
          List<Record2<String, Integer>> inLockOrder = new ArrayList<>(due);
          inLockOrder.sort(
              Comparator.comparing((Record2<String, Integer> timer) -> timer.value1())
                  .thenComparing(timer -> timer.value2()));
          for (var timer : inLockOrder) {
            fire(tx, timer.value1(), timer.value2());
          }
          return due.size();
        });
  }

  private static void fire(Tx tx, String runId, int seq) {
    LockedRun run = LockedRun.lock(tx, runId);
    if (run == null) {
      deleteTimer(tx, runId, seq); // its run is gone: nothing will ever fire it
      return;
    }
    int deleted =
        tx.dsl()
            .deleteFrom(BATON_TIMERS)
            .where(BATON_TIMERS.RUN_ID.eq(runId))
            .and(BATON_TIMERS.SEQ.eq(seq))
            .and(BATON_TIMERS.FIRE_AT.le(tx.now()))
            .execute();
    if (deleted == 0 || !run.isRunning()) {
      return; // fired by another sweeper, or cancelled
    }
    run.append(new Event.TimerFired(seq));
    run.ensureWorkflowTaskScheduled();
    run.flush();
  }
}
