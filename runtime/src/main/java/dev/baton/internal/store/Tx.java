package dev.baton.internal.store;

import dev.baton.SettableTimeSource;
import dev.baton.TimeSource;
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

  Tx(DSLContext dsl, Dialect dialect, TimeSource timeSource, KnownTime knownTime) {
    this.dsl = dsl;
    this.dialect = dialect;
    this.timeSource = timeSource;
    this.knownTime = knownTime;
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
