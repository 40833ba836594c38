package dev.baton.bench;

import dev.baton.testing.TestWorkflowEnvironment;
import java.util.ArrayList;
import java.util.List;

/**
 * B7: what a test on the replay harness costs, as {@code @BatonTest} runs one: a fresh {@link
 * TestWorkflowEnvironment} (timed apart, as environment start-up), a worker, a workflow that sleeps
 * 30 days of virtual time and calls one activity, its result, and closing the environment.
 */
final class HarnessBench {
  private static final int WARM_UP = 30;
  private static final int TESTS_PER_RUN = 50;

  private final Bench bench;

  HarnessBench(Bench bench) {
    this.bench = bench;
  }

  void run() {
    for (int i = 0; i < WARM_UP; i++) {
      oneTest("warm-" + i, new long[2]);
    }
    List<Double> startups = new ArrayList<>();
    List<Double> tests = new ArrayList<>();
    int errors = 0;
    for (int r = 0; r < bench.runs; r++) {
      long[] startupNanos = new long[TESTS_PER_RUN];
      long[] testNanos = new long[TESTS_PER_RUN];
      for (int i = 0; i < TESTS_PER_RUN; i++) {
        long[] times = new long[2];
        if (!oneTest("b7-" + r + "-" + i, times)) {
          errors++;
        }
        startupNanos[i] = times[0];
        testNanos[i] = times[1];
      }
      startups.add(Stats.percentile(startupNanos, 50) / 1e6);
      tests.add(Stats.percentile(testNanos, 50) / 1e6);
    }
    bench.report.add(
        "B7.envStart",
        "harness: environment start-up (in-memory H2, schema), p50",
        "ms",
        startups,
        "errors",
        errors,
        "testsPerRun",
        TESTS_PER_RUN);
    bench.report.add(
        "B7.perTest",
        "harness: a test after start-up (worker, 30-day sleep, activity, close), p50",
        "ms",
        tests,
        "errors",
        errors,
        "testsPerRun",
        TESTS_PER_RUN);
  }

  /** Runs one test; {@code times} receives its start-up and test wall times in nanoseconds. */
  private static boolean oneTest(String id, long[] times) {
    long t0 = System.nanoTime();
    TestWorkflowEnvironment env = TestWorkflowEnvironment.create();
    long t1 = System.nanoTime();
    String result;
    try {
      env.newWorker("bench-b7")
          .registerWorkflow(Hibernator.Impl.class)
          .registerActivities(new StepsImpl(0))
          .start();
      result = HibernatorClient.of(env.baton()).start(id, id).result();
    } finally {
      env.close();
    }
    long t2 = System.nanoTime();
    times[0] = t1 - t0;
    times[1] = t2 - t1;
    return result.equals(id + ":1");
  }
}
