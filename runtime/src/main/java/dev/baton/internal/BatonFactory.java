package dev.baton.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.baton.Baton;
import dev.baton.BatonException;
import dev.baton.BatonOptions;
import dev.baton.SettableTimeSource;
import dev.baton.internal.client.BatonImpl;
import dev.baton.internal.json.PayloadConverter;
import dev.baton.internal.store.ActivityStore;
import dev.baton.internal.store.Database;
import dev.baton.internal.store.Dialect;
import dev.baton.internal.store.Dialects;
import dev.baton.internal.store.GroupCommit;
import dev.baton.internal.store.H2Dialect;
import dev.baton.internal.store.OutboxStore;
import dev.baton.internal.store.QueryStore;
import dev.baton.internal.store.TimerStore;
import dev.baton.internal.store.WorkflowStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import javax.sql.DataSource;

/** Creates {@link Baton} instances. */
public final class BatonFactory {
  private static final long SWEEP_INTERVAL_MILLIS = 1_000;
  private static final int EMBEDDED_OPEN_ATTEMPTS = 30;
  private static final int MIGRATE_ATTEMPTS = 5;

  private BatonFactory() {}

  /** An instance on the embedded H2 database in {@code folder}. */
  public static Baton embedded(Path folder, BatonOptions options) {
    Path absolute = folder.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute);
    } catch (IOException e) {
      throw new BatonException("Cannot create the embedded database folder " + absolute, e);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(embeddedUrl(absolute));
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(16);
    config.setPoolName("baton-h2");
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    config.setAutoCommit(true);
    HikariDataSource dataSource = openEmbeddedPool(config, absolute);
    return open(dataSource, new H2Dialect(), options, dataSource::close);
  }

  /**
   * Opens the pool, retrying for a while when another local process is opening the same folder at
   * the same moment: H2 then reports "Lock file recently modified" until one of them serves it.
   */
  private static HikariDataSource openEmbeddedPool(HikariConfig config, Path folder) {
    for (int attempt = 1; ; attempt++) {
      try {
        return new HikariDataSource(config);
      } catch (RuntimeException e) {
        if (attempt >= EMBEDDED_OPEN_ATTEMPTS || !isTransientLock(e)) {
          throw new BatonException(
              "Cannot open the embedded database in "
                  + folder
                  + " (is another process using"
                  + " it?): "
                  + e.getMessage(),
              e);
        }
        pause(100L * attempt);
      }
    }
  }

  /**
   * Whether opening failed only because another local process holds or is taking over the folder
   * (it opens it, or took over as its server after the previous one died; H2's lock file tells the
   * losers of that race "Another process was faster" or "Concurrent update"): then a retry connects
   * through that process.
   */
  static boolean isTransientLock(RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("Lock file")
        || message.contains("Locked by another process")
        || message.contains("Another process was faster")
        || message.contains("Error opening database: \"Concurrent update\"");
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BatonException("Interrupted while opening the database", e);
    }
  }

  /**
   * The JDBC URL of the embedded database in {@code folder}. WRITE_DELAY=0: H2 writes each commit
   * to the file before the commit returns, so a process killed with kill -9 loses nothing it
   * reported committed (H2's default keeps the last 500 ms in memory). QUERY_CACHE_SIZE=64: each
   * connection keeps Baton's statements parsed (H2's default of 8 is fewer than a workflow's
   * statements, so each was parsed again). {@code async:}: H2's default file channel is closed, and
   * the database with it, when a thread using it is interrupted, as a worker's shutdown may do.
   */
  public static String embeddedUrl(Path folder) {
    return "jdbc:h2:async:"
        + folder.toAbsolutePath().normalize().resolve("baton")
        + ";WRITE_DELAY=0;QUERY_CACHE_SIZE=64;LOCK_TIMEOUT=10000;AUTO_SERVER=TRUE"
        + ";AUTO_RECONNECT=FALSE";
  }

  /** An instance on the database behind {@code dataSource}: MySQL 8, MariaDB 10.6+ or H2. */
  public static Baton connect(
      DataSource dataSource, BatonOptions options, Runnable closeDataSource) {
    return open(dataSource, Dialects.detect(dataSource), options, closeDataSource);
  }

  /**
   * Connector/J settings that save round trips, as HikariCP recommends for MySQL: the events a
   * transaction appends go as one multi-row {@code INSERT}; the driver keeps the session's
   * auto-commit and isolation itself instead of asking the server each time a connection is
   * borrowed; prepared statements are cached. A URL that sets any of them keeps its own value.
   * Connections stay out of auto-commit, so a transaction begins without a {@code SET autocommit}
   * round trip before and after it (every write of Baton's runs in a transaction; the pool rolls
   * back after a plain read).
   */
  private static void tuneConnectorJ(HikariConfig config) {
    config.setAutoCommit(false);
    config.addDataSourceProperty("rewriteBatchedStatements", "true");
    config.addDataSourceProperty("useLocalSessionState", "true");
    config.addDataSourceProperty("cachePrepStmts", "true");
    config.addDataSourceProperty("prepStmtCacheSize", "250");
    config.addDataSourceProperty("prepStmtCacheSqlLimit", "2048");
  }

  /** An instance on the database at {@code jdbcUrl}, with a connection pool of its own. */
  public static Baton connect(
      String jdbcUrl,
      @org.jspecify.annotations.Nullable String user,
      @org.jspecify.annotations.Nullable String password,
      BatonOptions options) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(16);
    config.setPoolName("baton");
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    if (jdbcUrl.startsWith("jdbc:mysql:")) {
      tuneConnectorJ(config);
    }
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new BatonException("Cannot connect to " + jdbcUrl + ": " + e.getMessage(), e);
    }
    try {
      return connect(dataSource, options, dataSource::close);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  /**
   * An instance on the H2 database behind {@code dataSource}, whose schema is already at the latest
   * version (a copy of a migrated database, as the test harness makes): no migration runs, which
   * saves Flyway's start-up on every short-lived test database.
   */
  public static Baton connectMigratedH2(
      DataSource dataSource, BatonOptions options, Runnable closeDataSource) {
    return open(dataSource, new H2Dialect(), options, closeDataSource, false);
  }

  private static Baton open(
      DataSource dataSource, Dialect dialect, BatonOptions options, Runnable closeDataSource) {
    return open(dataSource, dialect, options, closeDataSource, true);
  }

  private static Baton open(
      DataSource dataSource,
      Dialect dialect,
      BatonOptions options,
      Runnable closeDataSource,
      boolean migrate) {
    Database database = new Database(dataSource, dialect, options.timeSource(), closeDataSource);
    try {
      checkConnection(dataSource);
      if (migrate) {
        migrate(database);
      }
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    Wakeups wakeups = new Wakeups();
    WorkflowStore workflows =
        new WorkflowStore(database, options.maxHistoryEvents(), options.maxHistoryBytes());
    ActivityStore activities = new ActivityStore(database);
    TimerStore timers = new TimerStore(database, workflows);
    TimerResumers timerResumers = new TimerResumers();
    Services services =
        new Services(
            database,
            workflows,
            activities,
            timers,
            new QueryStore(database),
            new OutboxStore(database),
            new PayloadConverter(options.payloadLimitBytes()),
            wakeups,
            new GroupCommit(database, options.shardKey()),
            timerResumers);
    Sweeper sweeper =
        new Sweeper(workflows, activities, timers, timerResumers, wakeups, SWEEP_INTERVAL_MILLIS);
    Runnable onClockMove =
        () -> {
          sweeper.trigger();
          wakeups.all();
        };
    if (options.timeSource() instanceof SettableTimeSource settable) {
      settable.onChange(onClockMove);
    }
    OutboxRelay relay = new OutboxRelay(services.outbox(), wakeups, SWEEP_INTERVAL_MILLIS);
    sweeper.start();
    relay.start();
    return new BatonImpl(
        services,
        () -> {
          if (options.timeSource() instanceof SettableTimeSource settable) {
            settable.removeListener(onClockMove);
          }
          relay.close();
          sweeper.close();
          database.close();
        });
  }

  /**
   * Applies the migrations; when several processes start on an empty database at once, one of them
   * migrates and the others, failing meanwhile, find it done on a later try.
   */
  private static void migrate(Database database) {
    for (int attempt = 1; ; attempt++) {
      try {
        database.migrate();
        return;
      } catch (RuntimeException e) {
        if (attempt >= MIGRATE_ATTEMPTS) {
          throw e;
        }
        pause(200L * attempt);
      }
    }
  }

  private static void checkConnection(DataSource dataSource) {
    // The pool connects lazily; fail here, with a clear message, rather than in a worker.
    try (Connection connection = dataSource.getConnection()) {
      connection.isValid(5);
    } catch (java.sql.SQLException e) {
      throw new BatonException("Cannot connect to Baton's database: " + e.getMessage(), e);
    }
  }
}
