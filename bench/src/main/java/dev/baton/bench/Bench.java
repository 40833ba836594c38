package dev.baton.bench;

import dev.baton.Baton;
import dev.baton.WorkerOptions;
import dev.baton.internal.client.BatonImpl;
import dev.baton.internal.store.GroupCommit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The benchmark harness of issue 10. Prints one {@code RESULT} line per figure as it is measured,
 * then a Markdown table of them all. Figures never assert anything: they are printed.
 *
 * <pre>
 * mvn -q -pl bench exec:exec                                 # everything, full counts
 * mvn -q -pl bench exec:exec -Dbench="quick"                 # counts ÷ 10: about 5 minutes here
 * mvn -q -pl bench exec:exec -Dbench="quick only=RAW,B1,B4"  # some figures
 * </pre>
 *
 * Arguments (in {@code -Dbench="..."}, separated by spaces; a leading {@code --} is optional):
 * {@code quick} (counts ÷ 10, B5 1,000 sleepers, shorter raw-bound windows), {@code scale=<factor>}
 * (multiplies counts), {@code only=<ids>} (RAW, B1 ... B8), {@code runs=<n>} (measured runs per
 * figure, default 3), {@code sleepers=<n>} (B5; 1000000 for the large variant), {@code
 * spread=<seconds>} (B5's due times spread over that long instead of one instant), {@code
 * workflowSlots=<n>} and {@code activitySlots=<n>} (the B1–B3 worker; default 16 each, where
 * Baton's defaults are 2 workflow and 16 activity slots), {@code eager=false} (the B1–B3 worker
 * without eager dispatch, every task claimed), {@code group=false} (the B1–B3 worker commits each
 * completion alone), {@code starters=<n>} (B1/B2 starter threads, default 16), {@code mysql=<server
 * url>} (default {@code jdbc:mysql://127.0.0.1:3306/}), {@code mysqlUser=}, {@code mysqlPassword=}.
 */
public final class Bench {
  final Map<String, String> args;
  final boolean quick;
  final double scale;
  final int runs;
  final Set<String> only;
  final String mysqlUrl;
  final String mysqlUser;
  final String mysqlPassword;
  final Path work;
  final Report report = new Report();

  /** The MariaDB raw bound from 8 threads, once measured: B1's reference. */
  double rawMariaDb8 = Double.NaN;

  private Bench(Map<String, String> args) throws Exception {
    this.args = args;
    this.quick = args.containsKey("quick");
    this.scale = Double.parseDouble(args.getOrDefault("scale", quick ? "0.1" : "1"));
    this.runs = Integer.parseInt(args.getOrDefault("runs", "3"));
    this.only = new TreeSet<>();
    if (args.containsKey("only")) {
      for (String id : args.get("only").split(",")) {
        only.add(id.trim().toUpperCase(Locale.ROOT));
      }
    }
    this.mysqlUrl = args.getOrDefault("mysql", "jdbc:mysql://127.0.0.1:3306/");
    this.mysqlUser = args.getOrDefault("mysqlUser", "root");
    this.mysqlPassword = args.getOrDefault("mysqlPassword", "");
    this.work = Files.createTempDirectory("baton-bench");
  }

  public static void main(String[] argv) throws Exception {
    Bench bench = new Bench(parse(argv));
    bench.runAll();
  }

  static Map<String, String> parse(String[] argv) {
    Map<String, String> args = new LinkedHashMap<>();
    List<String> tokens = new ArrayList<>();
    for (String arg : argv) {
      tokens.addAll(Arrays.asList(arg.trim().split("\\s+")));
    }
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i).replaceFirst("^--", "");
      if (token.isEmpty() || token.equals("all")) {
        continue;
      }
      int eq = token.indexOf('=');
      if (eq > 0) {
        args.put(token.substring(0, eq), token.substring(eq + 1));
      } else if (token.equals("only") && i + 1 < tokens.size()) {
        args.put("only", tokens.get(++i));
      } else {
        args.put(token, "true");
      }
    }
    return args;
  }

  boolean selected(String id) {
    return only.isEmpty() || only.contains(id);
  }

  int scaled(int count) {
    return Math.max(1, (int) Math.round(count * scale));
  }

  int intArg(String name, int defaultValue) {
    return Integer.parseInt(args.getOrDefault(name, String.valueOf(defaultValue)));
  }

  private void runAll() throws Exception {
    System.out.println("Baton benchmarks, " + Instant.now() + ", arguments " + args);
    System.out.println("Machine: " + Machine.describe() + "; load " + Machine.load());
    long t0 = System.nanoTime();
    try {
      if (selected("RAW") || selected("B1")) {
        rawBound();
      }
      if (selected("B1") || selected("B3")) {
        chain(BenchDb.mariaDb(mysqlUrl, mysqlUser, mysqlPassword), "B1", selected("B1"));
      }
      if (selected("B2") || selected("B3")) {
        chain(BenchDb.h2(work), "B2", selected("B2"));
      }
      if (selected("B4")) {
        new ReplayBench(this).run();
      }
      if (selected("B5")) {
        new Sleepers(this).run();
      }
      if (selected("B6")) {
        new MultiWorker(this).run();
      }
      if (selected("B7")) {
        new HarnessBench(this).run();
      }
      if (selected("B8")) {
        new CompileBench(this).run();
      }
    } finally {
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "Done in %.0f s. Machine: %s; load %s%n%n",
          (System.nanoTime() - t0) / 1e9,
          Machine.describe(),
          Machine.load());
      System.out.println(report.table());
      BenchDb.deleteTree(work);
    }
  }

  /** Raw INSERT + COMMIT per second on MariaDB and on H2, from 1 and 8 threads. */
  private void rawBound() throws Exception {
    long millis = quick ? 1_000 : 3_000;
    for (BenchDb db :
        List.of(BenchDb.mariaDb(mysqlUrl, mysqlUser, mysqlPassword), BenchDb.h2(work))) {
      try (db;
          RawBound raw = new RawBound(db)) {
        raw.commitsPerSecond(8, millis); // warm-up
        for (int threads : new int[] {1, 8}) {
          List<Double> rates = new ArrayList<>();
          for (int r = 0; r < runs; r++) {
            rates.add(raw.commitsPerSecond(threads, millis));
          }
          String name = "RAW." + db.kind().toLowerCase(Locale.ROOT) + "." + threads + "t";
          report.add(
              name,
              db.kind() + " single-row INSERT+COMMIT, " + threads + " thread(s)",
              "commits/s",
              rates,
              "threads",
              threads,
              "windowMs",
              millis,
              "errors",
              0);
          if (db.kind().equals("MariaDB") && threads == 8) {
            rawMariaDb8 = Stats.median(rates);
          }
        }
      }
    }
  }

  /**
   * B1 (MariaDB) or B2 (H2): {@code count} chains of three activities, 100 in flight, one worker in
   * this JVM; then B3 on the same database: one workflow at a time.
   */
  private void chain(BenchDb db, String id, boolean throughput) throws Exception {
    WorkerOptions options =
        WorkerOptions.newBuilder()
            .workflowSlots(intArg("workflowSlots", 16))
            .activitySlots(intArg("activitySlots", 16))
            .eagerDispatch(Boolean.parseBoolean(args.getOrDefault("eager", "true")))
            .groupCommit(Boolean.parseBoolean(args.getOrDefault("group", "true")))
            .build();
    String slots =
        options.workflowSlots()
            + "/"
            + options.activitySlots()
            + (options.eagerDispatch() ? "" : " eager=false")
            + (options.groupCommit() ? "" : " group=false");
    try (db) {
      double[] background = Load.background(db);
      try (Baton baton = db.open()) {
        baton
            .newWorker("bench", options)
            .registerWorkflow(ChainImpl.class)
            .registerActivities(new StepsImpl(0))
            .start();
        long poll = db.kind().equals("H2") ? 2 : 5;
        if (throughput) {
          int count = scaled(10_000);
          int inFlight = 100;
          int starters = intArg("starters", 16);
          Load.run(baton, db, id + "-warm-", Math.max(1_000, count / 5), inFlight, starters, poll);
          List<Double> rates = new ArrayList<>();
          List<Double> p50s = new ArrayList<>();
          List<Double> p99s = new ArrayList<>();
          List<double[]> counters = new ArrayList<>();
          int errors = 0;
          String firstError = null;
          GroupCommit groups = ((BatonImpl) baton).services().groupCommit();
          List<Double> groupSizes = new ArrayList<>();
          List<Double> busy = new ArrayList<>();
          for (int r = 0; r < runs; r++) {
            long[] before = db.commitCounters();
            long[] ticks = Machine.cpuTicks();
            long groupsBefore = groups.groups();
            long membersBefore = groups.members();
            Load.Outcome outcome =
                Load.run(baton, db, id + "-" + r + "-", count, inFlight, starters, poll);
            busy.add(Machine.cpuBusy(ticks, Machine.cpuTicks()));
            double[] delta = Load.delta(before, db.commitCounters());
            long grouped = groups.groups() - groupsBefore;
            groupSizes.add(
                grouped == 0 ? 0 : (groups.members() - membersBefore) / (double) grouped);
            rates.add(outcome.perSecond());
            p50s.add(Stats.percentile(outcome.latencyNanos(), 50) / 1e6);
            p99s.add(Stats.percentile(outcome.latencyNanos(), 99) / 1e6);
            if (delta != null) {
              counters.add(Load.perWorkflow(delta, background, outcome));
            }
            errors += outcome.errors();
            if (firstError == null) {
              firstError = outcome.firstError();
            }
          }
          if (firstError != null) {
            System.out.println(id + " first error: " + firstError);
          }
          String what =
              count + " workflows of 3 activities, " + inFlight + " in flight, " + db.kind();
          report.add(
              id + ".throughput",
              what,
              "workflows/s",
              rates,
              "errors",
              errors,
              "count",
              count,
              "inFlight",
              inFlight,
              "starters",
              starters,
              "slots",
              slots,
              "completionsPerCommitGroup",
              Stats.median(groupSizes),
              "cpuBusy",
              Stats.median(busy));
          report.add(id + ".p50", what + ": start-to-result p50", "ms", p50s, "errors", errors);
          report.add(id + ".p99", what + ": start-to-result p99", "ms", p99s, "errors", errors);
          if (!counters.isEmpty()) {
            List<Object> extra = new ArrayList<>(List.of("errors", errors));
            for (int k = 1; k < BenchDb.COUNTERS.size(); k++) {
              int index = k;
              extra.add(BenchDb.COUNTERS.get(k) + "PerWorkflow");
              extra.add(Stats.median(counters.stream().map(c -> c[index]).toList()));
            }
            extra.add("backgroundComCommitPerSecond");
            extra.add(background[0]);
            report.add(
                id + ".commitsPerWorkflow",
                "server Com_commit per workflow (minus other clients' idle rate and the harness's"
                    + " polls)",
                "commits",
                counters.stream().map(c -> c[0]).toList(),
                extra.toArray());
          }
          if (db.kind().equals("MariaDB") && !Double.isNaN(rawMariaDb8)) {
            report.add(
                id + ".fractionOfRawBound",
                "B1 throughput ÷ raw MariaDB commits/s from 8 threads",
                "ratio",
                rates.stream().map(r -> r / rawMariaDb8).toList(),
                "errors",
                errors,
                "naiveBound",
                rawMariaDb8 / 5);
          }
        }
        if (selected("B3")) {
          latency(baton, db);
        }
      }
    }
  }

  /** B3: one workflow at a time, start to result, through {@code WorkflowHandle.result}. */
  private void latency(Baton baton, BenchDb db) {
    ChainClient client = ChainClient.of(baton);
    int count = scaled(2_000);
    String prefix = "B3-" + db.kind() + "-";
    List<Double> p50s = new ArrayList<>();
    List<Double> p99s = new ArrayList<>();
    int errors = 0;
    for (int r = -1; r < runs; r++) { // run -1 is the warm-up
      long[] latencies = new long[count];
      for (int i = 0; i < count; i++) {
        String workflowId = prefix + r + "-" + i;
        long t0 = System.nanoTime();
        String result;
        try {
          result = client.start(workflowId, workflowId).result(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
          result = e.toString();
        }
        latencies[i] = System.nanoTime() - t0;
        if (r >= 0 && !Chain.expected(workflowId).equals(result)) {
          errors++;
        }
      }
      if (r >= 0) {
        p50s.add(Stats.percentile(latencies, 50) / 1e6);
        p99s.add(Stats.percentile(latencies, 99) / 1e6);
      }
    }
    printTimeline(baton, prefix + (runs - 1) + "-" + (count - 1));
    String what = "in-flight 1, " + count + " workflows of 3 activities, " + db.kind();
    report.add(
        "B3." + db.kind().toLowerCase(Locale.ROOT) + ".p50",
        what + ": p50",
        "ms",
        p50s,
        "errors",
        errors);
    report.add(
        "B3." + db.kind().toLowerCase(Locale.ROOT) + ".p99",
        what + ": p99",
        "ms",
        p99s,
        "errors",
        errors);
  }

  /** Prints where one workflow's time went: each history event, in ms after the first. */
  private static void printTimeline(Baton baton, String workflowId) {
    List<dev.baton.HistoryEvent> events = baton.history(workflowId);
    long first = events.get(0).time().toEpochMilli();
    StringBuilder line = new StringBuilder("B3 timeline of " + workflowId + " (ms after start):");
    for (dev.baton.HistoryEvent event : events) {
      line.append(' ')
          .append(event.type().replace("Workflow", "Wf").replace("Activity", "Act"))
          .append('@')
          .append(event.time().toEpochMilli() - first);
    }
    System.out.println(line);
  }
}
