package dev.baton.bench;

import dev.baton.Baton;
import dev.baton.WorkerOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * B5: {@code n} workflows asleep on durable timers that all fall due at one instant, on MariaDB,
 * with the worker in this JVM. Measures the heap in use (after full collections) while they sleep
 * against the heap before, and each timer's lag: the time the workflow's code resumed (the start of
 * the workflow task that delivered TimerFired, {@code Workflows.currentTime()}) minus the due time,
 * both on the database clock. One run: the figure takes minutes.
 */
final class Sleepers {
  private final Bench bench;

  Sleepers(Bench bench) {
    this.bench = bench;
  }

  void run() throws Exception {
    // quick: 1,000, so that the figure takes about a minute.
    int n = bench.intArg("sleepers", bench.scaled(bench.quick ? 10_000 : 100_000));
    // spread=<s>: due times spread evenly over that many seconds rather than at one instant.
    long spread = bench.intArg("spread", 0) * 1_000L;
    try (BenchDb db = BenchDb.mariaDb(bench.mysqlUrl, bench.mysqlUser, bench.mysqlPassword);
        Baton baton = db.open();
        Connection c = db.connect()) {
      WorkerOptions.Builder options = WorkerOptions.newBuilder();
      if (bench.args.containsKey("sleeperSlots")) {
        options.workflowSlots(bench.intArg("sleeperSlots", 2));
      }
      baton.newWorker("bench", options.build()).registerWorkflow(SleeperImpl.class).start();
      SleeperClient client = SleeperClient.of(baton);
      long baseline = Machine.usedHeapAfterGc();

      // Warm-up, which also tells how fast sleepers fall asleep here.
      int warm = Math.min(1_000, Math.max(100, n / 20));
      long t0 = System.nanoTime();
      long warmDue = now(c) + 10_000 + warm * 20L;
      start(client, "B5-warm-", warm, warmDue, 0);
      // Timers that fire leave the table: stop counting at the due time (a low rate, a long lead).
      awaitTimers(c, warm, warmDue);
      double asleepPerSecond = warm / ((System.nanoTime() - t0) / 1e9);
      awaitClosed(c, "B5-warm-", 120_000);

      long lead = Math.max(15_000, (long) (n / asleepPerSecond * 1.5 * 1_000));
      long due = now(c) + lead;
      long s0 = System.nanoTime();
      start(client, "B5-run-", n, due, spread);
      double startSeconds = (System.nanoTime() - s0) / 1e9;
      boolean allAsleep = awaitTimers(c, n, due);
      double asleepSeconds = (System.nanoTime() - s0) / 1e9;
      long heapAsleep = Machine.usedHeapAfterGc();
      boolean measuredBeforeDue = now(c) < due;
      System.out.printf(
          "B5: %d sleepers started in %.1f s, asleep after %.1f s (all before due: %s), due in"
              + " %d ms%n",
          n, startSeconds, asleepSeconds, allAsleep, due - now(c));
      awaitClosed(c, "B5-run-", Math.max(300_000, 5 * lead));

      List<Long> lags = new ArrayList<>();
      int errors = 0;
      long lastClose = due;
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT status, result, close_time FROM baton_runs WHERE workflow_id LIKE ?")) {
        s.setString(1, "B5-run-%");
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            if (!"COMPLETED".equals(rs.getString(1))) {
              errors++;
              continue;
            }
            lags.add(Long.parseLong(rs.getString(2).trim()));
            lastClose = Math.max(lastClose, rs.getLong(3));
          }
        }
      }
      errors += n - lags.size() - errors;
      long[] lag = lags.stream().mapToLong(Long::longValue).toArray();
      String what =
          n
              + " workflows sleeping on timers due "
              + (spread == 0 ? "at one instant" : "over " + spread / 1000 + " s")
              + ", MariaDB";
      bench.report.add(
          "B5.heapAsleep",
          what + ": worker heap in use after GC while they sleep",
          "MiB",
          List.of(heapAsleep / 1048576.0),
          "errors",
          errors,
          "sleepers",
          n,
          "heapBeforeMiB",
          baseline / 1048576.0,
          "measuredBeforeDue",
          measuredBeforeDue,
          "allAsleepBeforeDue",
          allAsleep);
      bench.report.add(
          "B5.bytesPerSleeper",
          what + ": (heap asleep - heap before) / sleepers",
          "bytes",
          List.of((heapAsleep - baseline) / (double) n),
          "errors",
          errors,
          "sleepers",
          n);
      bench.report.add(
          "B5.lag.p50",
          what + ": timer lag p50",
          "ms",
          List.of(Stats.percentile(lag, 50)),
          "errors",
          errors,
          "sleepers",
          n);
      bench.report.add(
          "B5.lag.p99",
          what + ": timer lag p99",
          "ms",
          List.of(Stats.percentile(lag, 99)),
          "errors",
          errors,
          "sleepers",
          n,
          "lastCloseAfterDueS",
          (lastClose - due - spread) / 1000.0);
    }
  }

  /**
   * Starts {@code count} sleepers due from {@code due} on, spread evenly over {@code spread} ms.
   */
  private static void start(SleeperClient client, String prefix, int count, long due, long spread)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    List<Thread> starters = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread starter =
          new Thread(
              () -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                  client.start(prefix + i, due + spread * i / count);
                }
              },
              "bench-sleeper-starter-" + t);
      starter.start();
      starters.add(starter);
    }
    for (Thread starter : starters) {
      starter.join();
    }
  }

  /** Waits until {@code count} timers are stored or {@code due} passed; true for the former. */
  private static boolean awaitTimers(Connection c, int count, long due)
      throws SQLException, InterruptedException {
    while (true) {
      if (single(c, "SELECT COUNT(*) FROM baton_timers") >= count) {
        return true;
      }
      if (now(c) >= due) {
        return false;
      }
      Thread.sleep(200);
    }
  }

  private static void awaitClosed(Connection c, String prefix, long timeoutMillis)
      throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT COUNT(*) FROM baton_runs WHERE status = 'RUNNING' AND workflow_id LIKE ?")) {
      s.setString(1, prefix + "%");
      while (System.nanoTime() < deadline) {
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          if (rs.getLong(1) == 0) {
            return;
          }
        }
        Thread.sleep(200);
      }
    }
  }

  private static long now(Connection c) throws SQLException {
    return single(c, "SELECT CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)");
  }

  private static long single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
