package dev.baton.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database's raw bound: single-row INSERT + COMMIT per second from {@code threads} threads,
 * through a HikariCP pool configured as Baton's own ({@code BatonFactory.connect}: 16 connections,
 * READ COMMITTED, the same JDBC URL and driver).
 */
final class RawBound implements AutoCloseable {
  private final HikariDataSource pool;

  RawBound(BenchDb db) throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.url());
    config.setUsername(db.user());
    config.setPassword(db.password());
    config.setMaximumPoolSize(16);
    config.setPoolName("bench-raw");
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    pool = new HikariDataSource(config);
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS bench_raw (id BIGINT NOT NULL, thread INT NOT NULL,"
              + " payload VARCHAR(64) NOT NULL, CONSTRAINT pk_bench_raw PRIMARY KEY (thread, id))");
    }
  }

  /** Commits per second over {@code millis} from {@code threads} threads. */
  double commitsPerSecond(int threads, long millis) throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong commits = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    long base = System.nanoTime() * 16; // fresh keys in every run
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread worker =
          new Thread(
              () -> {
                long id = base;
                try (Connection c = pool.getConnection()) {
                  c.setAutoCommit(false);
                  try (PreparedStatement insert =
                      c.prepareStatement(
                          "INSERT INTO bench_raw (id, thread, payload) VALUES (?, ?, ?)")) {
                    while (!stop.get()) {
                      insert.setLong(1, id++);
                      insert.setInt(2, thread);
                      insert.setString(3, "a short payload of a raw-bound row");
                      insert.executeUpdate();
                      c.commit();
                      commits.incrementAndGet();
                    }
                  }
                } catch (SQLException e) {
                  failures.incrementAndGet();
                }
              },
              "bench-raw-" + t);
      workers.add(worker);
    }
    long t0 = System.nanoTime();
    workers.forEach(Thread::start);
    Thread.sleep(millis);
    stop.set(true);
    for (Thread worker : workers) {
      worker.join();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " raw-bound threads failed");
    }
    return commits.get() / seconds;
  }

  @Override
  public void close() {
    pool.close();
  }
}
