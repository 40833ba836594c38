package dev.baton;

/**
 * Where Baton reads "now" for every due and expiry decision (leases, retries, timers). In
 * production it is the {@linkplain #database() database's clock}, read inside each SQL statement,
 * so hosts with skewed clocks agree. Tests replace it with a {@link SettableTimeSource}.
 */
public sealed interface TimeSource permits TimeSource.DatabaseClock, SettableTimeSource {
  /** The database server's clock, read in SQL. The default. */
  static TimeSource database() {
    return DatabaseClock.INSTANCE;
  }

  /** A clock that stands still at {@code start} until a test moves it. */
  static SettableTimeSource settable(java.time.Instant start) {
    java.util.Objects.requireNonNull(start, "start");
    return new SettableTimeSource(start);
  }

  /** The database server's clock. */
  final class DatabaseClock implements TimeSource {
    private static final DatabaseClock INSTANCE = new DatabaseClock();

    private DatabaseClock() {}

    @Override
    public String toString() {
      return "TimeSource.database()";
    }
  }
}
