package dev.baton.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.Baton;
import dev.baton.WorkflowHandle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs {@code count} {@link Chain} workflows with at most {@code inFlight} open at once: starter
 * threads start them through the generated client; one collector thread reads the closed ones from
 * the runs table (one query for all open runs, every few milliseconds, rather than a {@code
 * result()} wait per run, whose wake-ups would re-read every open run on each close) and checks
 * each result.
 */
final class Load {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(120);

  /** What one load run measured. */
  record Outcome(
      int count, double seconds, long[] latencyNanos, int errors, String firstError, long polls) {
    double perSecond() {
      return count / seconds;
    }
  }

  private record Open(String workflowId, long startNanos) {}

  private Load() {}

  static Outcome run(
      Baton baton,
      BenchDb db,
      String prefix,
      int count,
      int inFlight,
      int starters,
      long pollMillis)
      throws Exception {
    ChainClient client = ChainClient.of(baton);
    Semaphore permits = new Semaphore(inFlight);
    Map<String, Open> open = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    long begin = System.nanoTime();
    for (int t = 0; t < starters; t++) {
      Thread starter =
          new Thread(
              () -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                  String id = prefix + i;
                  try {
                    permits.acquire();
                    long started = System.nanoTime();
                    WorkflowHandle<String> handle = client.start(id, id);
                    open.put(handle.runId(), new Open(id, started));
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  } catch (RuntimeException e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, "start " + id + ": " + e);
                    permits.release();
                  }
                }
              },
              "bench-starter-" + t);
      starter.start();
      threads.add(starter);
    }
    long[] latencies = new long[count];
    int done = 0;
    long polls = 0;
    long lastProgress = System.nanoTime();
    try (Connection c = db.connect()) {
      while (done + errors.get() < count) {
        List<String> runIds = new ArrayList<>(open.keySet());
        int closed = 0;
        for (int from = 0; from < runIds.size(); from += 500) {
          List<String> chunk = runIds.subList(from, Math.min(runIds.size(), from + 500));
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT run_id, status, result FROM baton_runs WHERE status <> 'RUNNING' AND"
                      + " run_id IN ("
                      + "?,".repeat(chunk.size() - 1)
                      + "?)")) {
            for (int k = 0; k < chunk.size(); k++) {
              s.setString(k + 1, chunk.get(k));
            }
            polls++;
            try (ResultSet rs = s.executeQuery()) {
              long now = System.nanoTime();
              while (rs.next()) {
                Open run = open.remove(rs.getString(1));
                latencies[done++] = now - run.startNanos();
                closed++;
                String problem = check(run.workflowId(), rs.getString(2), rs.getString(3));
                if (problem != null) {
                  errors.incrementAndGet();
                  done--;
                  firstError.compareAndSet(null, problem);
                }
                permits.release();
              }
            }
          }
        }
        if (closed > 0) {
          lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > STALL_NANOS) {
          int missing = count - done - errors.get();
          errors.addAndGet(missing);
          firstError.compareAndSet(null, missing + " runs did not close within 120 s");
          break;
        }
        // Also after a poll that found runs closed: polling back to back took a fifth of the
        // CPU from the engine under test (a JFR profile of B2).
        Thread.sleep(pollMillis);
      }
    } finally {
      for (Thread thread : threads) {
        thread.interrupt();
        thread.join();
      }
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    long[] measured = java.util.Arrays.copyOf(latencies, done);
    return new Outcome(count, seconds, measured, errors.get(), firstError.get(), polls);
  }

  /** Null when the run completed with its expected result, else what is wrong. */
  static String check(String workflowId, String status, String resultJson) {
    if (!"COMPLETED".equals(status)) {
      return workflowId + " ended " + status;
    }
    try {
      String result = JSON.readTree(resultJson).asText();
      return Chain.expected(workflowId).equals(result)
          ? null
          : workflowId + " returned " + result + ", not " + Chain.expected(workflowId);
    } catch (java.io.IOException e) {
      return workflowId + " returned unreadable JSON " + resultJson;
    }
  }

  /** Counter deltas between two {@link BenchDb#commitCounters()} readings. */
  static double[] delta(long[] before, long[] after) {
    if (before == null || after == null) {
      return null;
    }
    double[] delta = new double[before.length];
    for (int i = 0; i < delta.length; i++) {
      delta[i] = after[i] - before[i];
    }
    return delta;
  }

  /**
   * The server's counters per second over two seconds while this harness does nothing: the load of
   * other clients of a shared server, subtracted from the figures' deltas. Null on H2.
   */
  static double[] background(BenchDb db) throws Exception {
    long[] before = db.commitCounters();
    if (before == null) {
      return null;
    }
    long t0 = System.nanoTime();
    Thread.sleep(2_000);
    double[] delta = delta(before, db.commitCounters());
    double seconds = (System.nanoTime() - t0) / 1e9;
    for (int i = 0; i < delta.length; i++) {
      delta[i] = Math.max(0, delta[i]) / seconds;
    }
    return delta;
  }

  /**
   * Per-workflow server counters of a load run: the deltas minus the background rate over the run's
   * time, minus the harness's own polling queries (each a SELECT and, autocommitted, a
   * Handler_commit).
   */
  static double[] perWorkflow(double[] delta, double[] background, Outcome outcome) {
    double[] per = new double[delta.length];
    for (int i = 0; i < per.length; i++) {
      double own = 0;
      String name = BenchDb.COUNTERS.get(i);
      if (name.equals("Com_select") || name.equals("Handler_commit")) {
        own = outcome.polls();
      }
      double others = background == null ? 0 : background[i] * outcome.seconds();
      per[i] = (delta[i] - others - own) / outcome.count();
    }
    return per;
  }
}
