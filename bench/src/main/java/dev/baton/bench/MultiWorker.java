package dev.baton.bench;

import dev.baton.Baton;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * B6: 1, 2 and 4 worker JVMs on one MariaDB database, each with a fixed number of activity slots,
 * running {@link Chain}s whose activities sleep 20 ms. This JVM only starts workflows and reads
 * their results; it runs no worker.
 */
final class MultiWorker {
  private static final int SLOTS = 8;
  private static final long SLEEP_MILLIS = 20;
  private final Bench bench;

  MultiWorker(Bench bench) {
    this.bench = bench;
  }

  void run() throws Exception {
    int count = bench.scaled(3_000);
    int inFlight = 200;
    double one = Double.NaN;
    for (int workers : new int[] {1, 2, 4}) {
      try (BenchDb db = BenchDb.mariaDb(bench.mysqlUrl, bench.mysqlUser, bench.mysqlPassword)) {
        // The first worker migrates the schema before the others start.
        List<Process> children = new ArrayList<>();
        try {
          for (int w = 0; w < workers; w++) {
            children.add(launch(db));
          }
          double[] background = Load.background(db);
          try (Baton baton = db.open()) {
            Load.run(baton, db, "B6-warm-", Math.max(100, count / 5), inFlight, 4, 10);
            List<Double> rates = new ArrayList<>();
            List<Double> commitRates = new ArrayList<>();
            List<Double> busy = new ArrayList<>();
            int errors = 0;
            for (int r = 0; r < bench.runs; r++) {
              long[] before = db.commitCounters();
              long[] ticks = Machine.cpuTicks();
              Load.Outcome outcome = Load.run(baton, db, "B6-" + r + "-", count, inFlight, 4, 10);
              busy.add(Machine.cpuBusy(ticks, Machine.cpuTicks()));
              double[] delta = Load.delta(before, db.commitCounters());
              rates.add(outcome.perSecond());
              commitRates.add(delta[0] / outcome.seconds() - background[0]);
              errors += outcome.errors();
              if (outcome.firstError() != null) {
                System.out.println("B6 first error: " + outcome.firstError());
              }
            }
            if (workers == 1) {
              one = Stats.median(rates);
            }
            String what =
                workers
                    + " worker JVM(s), "
                    + SLOTS
                    + " activity slots each, activities sleep "
                    + SLEEP_MILLIS
                    + " ms, "
                    + count
                    + " workflows, "
                    + inFlight
                    + " in flight, MariaDB";
            bench.report.add(
                "B6.workers" + workers,
                what,
                "workflows/s",
                rates,
                "errors",
                errors,
                "scaling",
                Stats.median(rates) / one,
                "serverComCommitPerSecond",
                Stats.median(commitRates),
                "cpuBusy",
                Stats.median(busy),
                "rawBound8t",
                bench.rawMariaDb8);
          }
        } finally {
          for (Process child : children) {
            child.getOutputStream().close();
            if (!child.waitFor(20, TimeUnit.SECONDS)) {
              child.destroyForcibly();
            }
          }
        }
      }
    }
  }

  private Process launch(BenchDb db) throws Exception {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-Dorg.slf4j.simpleLogger.log.org.flywaydb=error",
            "-Dorg.slf4j.simpleLogger.log.org.jooq=error",
            "-cp",
            System.getProperty("java.class.path"),
            WorkerMain.class.getName(),
            db.url(),
            db.user(),
            db.password().isEmpty() ? "-" : db.password(),
            String.valueOf(SLOTS),
            String.valueOf(SLEEP_MILLIS));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.equals("READY")) {
        Thread pump =
            new Thread(
                () -> {
                  try {
                    String l;
                    while ((l = out.readLine()) != null) {
                      if (l.contains("ERROR") || l.contains("Exception")) {
                        System.out.println("[worker] " + l);
                      }
                    }
                  } catch (java.io.IOException e) {
                    // the worker exited
                  }
                },
                "bench-worker-output");
        pump.setDaemon(true);
        pump.start();
        return process;
      }
      if (line.contains("ERROR") || line.contains("Exception")) {
        System.out.println("[worker] " + line);
      }
    }
    throw new IllegalStateException("A worker JVM exited before it was ready");
  }
}
