package dev.baton.internal.store;

import dev.baton.SettableTimeSource;
import dev.baton.TimeSource;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Baton's database: connection pool, jOOQ, migrations, and transactions that are retried when the
 * database reports a deadlock or lock timeout.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);
  private static final int MAX_ATTEMPTS = 12;

  /** How long a transaction is retried while the database cannot be reached. */
  private static final long CONNECTION_RETRY_NANOS = 120_000_000_000L;

  private final DataSource dataSource;
  private final Runnable closeDataSource;
  private final Dialect dialect;
  private final TimeSource timeSource;
  private final DSLContext dsl;
  private final KnownTime knownTime = new KnownTime();

  /**
   * A database over {@code dataSource}; call {@link #migrate()} before use. {@link #close()} runs
   * {@code closeDataSource}.
   */
  public Database(
      DataSource dataSource, Dialect dialect, TimeSource timeSource, Runnable closeDataSource) {
    this.dataSource = dataSource;
    this.closeDataSource = closeDataSource;
    this.dialect = dialect;
    this.timeSource = timeSource;
    Settings settings =
        new Settings()
            .withRenderQuotedNames(RenderQuotedNames.NEVER)
            .withRenderSchema(false)
            .withExecuteLogging(false);
    this.dsl =
        DSL.using(
            new ReadCommittedConnectionProvider(dataSource, dialect),
            dialect.jooqDialect(),
            settings);
  }

  /** Applies pending schema migrations. */
  public void migrate() {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(dialect.migrationLocation())
        .table("baton_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  /** The dialect. */
  public Dialect dialect() {
    return dialect;
  }

  /** The time source. */
  public TimeSource timeSource() {
    return timeSource;
  }

  /**
   * Now by the time source, without asking the database: {@code knownAt} (a time the source gave,
   * epoch milliseconds) plus the time this process measured since it learned it ({@link
   * System#nanoTime()} was {@code knownAtNanos} then). Never later than the database's clock, since
   * the value was read before this process received it; a settable source is read as it is.
   */
  public long nowSince(long knownAt, long knownAtNanos) {
    if (timeSource instanceof SettableTimeSource settable) {
      return settable.nowMillis();
    }
    return KnownTime.since(knownAt, knownAtNanos);
  }

  /**
   * Now by the time source, without asking the database: the latest time a transaction of this
   * process read from its clock, plus the time measured since (see {@link #nowSince}); read from
   * the database when no transaction has read it yet. A settable source is read as it is.
   */
  public long estimatedNow() {
    if (timeSource instanceof SettableTimeSource settable) {
      return settable.nowMillis();
    }
    long estimate = knownTime.estimate();
    return estimate >= 0 ? estimate : transact(Tx::now);
  }

  /** A jOOQ context outside any transaction (auto-commit), for single reads. */
  public DSLContext dsl() {
    return dsl;
  }

  /**
   * Runs {@code work} in a transaction and commits it. When the database reports a deadlock or a
   * lock timeout the whole transaction runs again, so {@code work} must not have effects outside
   * the database. Exceptions thrown by {@code work} roll back and propagate.
   */
  public <T> T transact(Function<Tx, T> work) {
    long connectionDeadline = 0;
    for (int attempt = 1; ; attempt++) {
      try {
        return dsl.transactionResult(
            configuration ->
                work.apply(new Tx(configuration.dsl(), dialect, timeSource, knownTime)));
      } catch (DataAccessException e) {
        SQLException sql = e.getCause(SQLException.class);
        if (sql != null && isConnectionFailure(sql)) {
          // The connection broke, perhaps during the commit: the outcome is unknown. Every
          // transaction of Baton's recognises on its retry what a committed first try did.
          if (connectionDeadline == 0) {
            connectionDeadline = System.nanoTime() + CONNECTION_RETRY_NANOS;
            log.warn("Database connection failed ({}); retrying", sql.getMessage());
          } else if (System.nanoTime() > connectionDeadline) {
            throw e;
          }
          sleep(Math.min(2_000, 50L << Math.min(attempt, 6)));
          continue;
        }
        if (sql == null || !dialect.isRetryable(sql) || attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        log.debug("Retrying a transaction after {} (attempt {})", sql.getMessage(), attempt);
        sleepBeforeRetry(attempt);
      }
    }
  }

  /** Whether {@code e} says the connection to the database failed (SQLState class 08). */
  static boolean isConnectionFailure(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException
          || t instanceof java.sql.SQLNonTransientConnectionException
          || (t instanceof SQLException sql
              && sql.getSQLState() != null
              && sql.getSQLState().startsWith("08"))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code exception} reports a duplicate key. */
  public boolean isDuplicateKey(DataAccessException exception) {
    SQLException sql = exception.getCause(SQLException.class);
    return sql != null && dialect.isDuplicateKey(sql);
  }

  private static void sleepBeforeRetry(int attempt) {
    long bound = Math.min(200, 5L << Math.min(attempt, 6));
    sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataAccessException("Interrupted while retrying a transaction", e);
    }
  }

  @Override
  public void close() {
    closeDataSource.run();
  }
}
