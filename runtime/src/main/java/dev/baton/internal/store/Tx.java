package dev.baton.internal.store;

import dev.baton.SettableTimeSource;
import dev.baton.TimeSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/** One database transaction: its jOOQ context and its notion of now. */
public final class Tx {
  private final DSLContext dsl;
  private final Dialect dialect;
  private final TimeSource timeSource;
  private final KnownTime knownTime;
  private long now = -1;
  private boolean wroteOutbox;
  private boolean startedRun;
  private @Nullable GroupWrites groupWrites;
  private final Map<String, LockedRun> lockedRuns = new HashMap<>();
  private final java.util.Set<String> taskRowsWritten = new java.util.HashSet<>();

  Tx(DSLContext dsl, Dialect dialect, TimeSource timeSource, KnownTime knownTime) {
    this.dsl = dsl;
    this.dialect = dialect;
    this.timeSource = timeSource;
    this.knownTime = knownTime;
  }

  /**
   * Runs {@code work}, for a transaction that the runs {@code runIds} share: locks them first, in
   * one statement ({@link LockedRun#lockAll}), and defers the history events and run updates {@code
   * work} makes, to write them together at its end ({@link GroupWrites}).
   */
  <T> T sharedByRuns(List<String> runIds, Supplier<T> work) {
    GroupWrites group = new GroupWrites();
    groupWrites = group;
    try {
      LockedRun.lockAll(this, runIds.stream().distinct().toList());
      T result = work.get();
      group.write(this);
      return result;
    } finally {
      groupWrites = null;
    }
  }

  /**
   * Keeps a run that {@link LockedRun#lockAll} locked, for the run's first {@link LockedRun#lock}.
   */
  void putLockedRun(LockedRun run) {
    lockedRuns.put(run.runId(), run);
  }

  /** The run {@link LockedRun#lockAll} locked, once; {@code null} when it did not. */
  @Nullable LockedRun takeLockedRun(String runId) {
    return lockedRuns.isEmpty() ? null : lockedRuns.remove(runId);
  }

  /** Where this transaction's run writes wait, or {@code null} when they are made at once. */
  @Nullable GroupWrites groupWrites() {
    return groupWrites;
  }

  /** Notes that this transaction inserted a task or timer row of run {@code runId}. */
  void noteTaskRows(String runId) {
    taskRowsWritten.add(runId);
  }

  /** Whether this transaction inserted a task or timer row of run {@code runId}. */
  boolean wroteTaskRows(String runId) {
    return taskRowsWritten.contains(runId);
  }

  /** Notes that this transaction wrote an outbox row, for the relay to deliver. */
  void noteOutbox() {
    wroteOutbox = true;
  }

  /** Whether this transaction wrote an outbox row. */
  boolean wroteOutbox() {
    return wroteOutbox;
  }

  /** Notes that this transaction started a run (with a workflow task). */
  void noteStartedRun() {
    startedRun = true;
  }

  /** Whether this transaction started a run. */
  boolean startedRun() {
    return startedRun;
  }

  /** The database's dialect. */
  Dialect dialect() {
    return dialect;
  }

  /**
   * This transaction's now if it is known without asking the database (read already, or given by a
   * settable time source), else {@code null}: then a statement can select it along ({@link
   * #nowField()}).
   */
  @Nullable Long knownNow() {
    return now >= 0 || timeSource instanceof SettableTimeSource ? now() : null;
  }

  /** The jOOQ context bound to this transaction's connection. */
  public DSLContext dsl() {
    return dsl;
  }

  /**
   * Now, for a statement to use and to select: the known value when this transaction has one (or
   * the time source is not the database's clock), else the database's clock expression. A statement
   * that selects it hands the value to {@link #noteNow}, which saves the transaction a round trip
   * of its own to read the clock.
   */
  Field<Long> nowField() {
    Long known = knownNow();
    return known != null ? DSL.val(known) : dialect.nowMillis();
  }

  /** Takes {@code value}, selected through {@link #nowField()}, as this transaction's now. */
  void noteNow(@Nullable Long value) {
    if (now < 0 && value != null && !(timeSource instanceof SettableTimeSource)) {
      now = value;
      knownTime.note(value);
    }
  }

  /**
   * Now, in epoch milliseconds, read once per transaction from the time source: the database's
   * clock in production, so that every host compares against the same clock. The first statement of
   * the hot transactions selects it along ({@link #nowField()}); others read it on first use.
   */
  public long now() {
    if (now < 0) {
      now =
          timeSource instanceof SettableTimeSource settable
              ? settable.nowMillis()
              : dsl.select(dialect.nowMillis()).fetchSingle().value1();
      if (!(timeSource instanceof SettableTimeSource)) {
        knownTime.note(now);
      }
    }
    return now;
  }

  /**
   * Runs {@code work} with {@code time} as this transaction's now, then restores the now it had:
   * for a commit of events that workflow code ran on before the transaction began, which must carry
   * the time the code saw, also when the transaction commits other work too ({@link GroupCommit}).
   */
  <T> T atTime(long time, Supplier<T> work) {
    long before = now;
    now = time;
    try {
      return work.get();
    } finally {
      now = before;
    }
  }
}
