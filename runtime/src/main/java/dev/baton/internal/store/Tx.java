package dev.baton.internal.store;

import dev.baton.SettableTimeSource;
import dev.baton.TimeSource;
import org.jooq.DSLContext;

/** One database transaction: its jOOQ context and its notion of now. */
public final class Tx {
  private final DSLContext dsl;
  private final Dialect dialect;
  private final TimeSource timeSource;
  private long now = -1;

  Tx(DSLContext dsl, Dialect dialect, TimeSource timeSource) {
    this.dsl = dsl;
    this.dialect = dialect;
    this.timeSource = timeSource;
  }

  /** The jOOQ context bound to this transaction's connection. */
  public DSLContext dsl() {
    return dsl;
  }

  /**
   * Now, in epoch milliseconds, read once per transaction from the time source: the database's
   * clock in production, so that every host compares against the same clock.
   */
  public long now() {
    if (now < 0) {
      now =
          timeSource instanceof SettableTimeSource settable
              ? settable.nowMillis()
              : dsl.select(dialect.nowMillis()).fetchSingle().value1();
    }
    return now;
  }
}
