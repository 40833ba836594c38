package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Baton;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three worker JVMs share one MariaDB database and 1,000 three-activity workflows: every workflow
 * completes with its result, every activity completion is recorded once, no task row is left, and
 * an activity ran again only after its lease was lost. The second test kills one of the three JVMs
 * with SIGKILL at ten instants drawn from a seeded random generator (a number of completed
 * workflows, plus a delay) and restarts it at once; set {@code -Dbaton.crash.seed} to replay a
 * run's choices. The test JVM starts the workflows while the workers run.
 */
class ContentionTest {
  private static final int WORKFLOWS = 1_000;
  private static final int SHARED_H2_WORKFLOWS = 150;
  private static final int KILLS = 10;
  private static final long LIVENESS_BOUND_MILLIS = 10 * 60_000;

  @ParameterizedTest(name = "{0}")
  @EnumSource(DispatchMode.class)
  void thousandWorkflowsOnThreeWorkerJvms(DispatchMode mode, @TempDir Path folder)
      throws Exception {
    run(folder, null, DatabaseKind.MARIADB, WORKFLOWS, mode);
  }

  /**
   * Three worker JVMs and the test JVM open one embedded H2 folder at once: the first serves it to
   * the others (AUTO_SERVER).
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(DispatchMode.class)
  void threeWorkerJvmsShareOneEmbeddedH2Folder(DispatchMode mode, @TempDir Path folder)
      throws Exception {
    run(folder, null, DatabaseKind.H2, SHARED_H2_WORKFLOWS, mode);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(DispatchMode.class)
  void thousandWorkflowsWhileOneOfThreeWorkerJvmsIsKilledTenTimes(
      DispatchMode mode, @TempDir Path folder) throws Exception {
    long seed = Long.getLong("baton.crash.seed", new SecureRandom().nextLong());
    System.out.println(
        "ContentionTest seed=" + seed + " (rerun with -Dbaton.crash.seed=" + seed + ")");
    run(folder, new Random(seed), DatabaseKind.MARIADB, WORKFLOWS, mode);
  }

  static Fulfilment.Order order(int i) {
    return new Fulfilment.Order(
        "contention-" + i, List.of(new Fulfilment.Line("sku", 1 + i % 7)), 10 * i);
  }

  private static void run(
      Path folder, Random kills, DatabaseKind kind, int workflows, DispatchMode mode)
      throws Exception {
    String name = "ContentionTest(" + kind + ", " + mode + (kills == null ? ")" : ", kills)");
    List<Path> logs = new CopyOnWriteArrayList<>();
    List<ChildJvm> workers = new CopyOnWriteArrayList<>();
    Thread[] killer = {null};
    try (TestDatabase db = kind.create(folder)) {
      long begin = System.nanoTime();
      try {
        for (int i = 0; i < 3; i++) {
          workers.add(launchWorker(db, folder, "worker-" + i, logs, mode));
        }
        for (ChildJvm worker : workers) {
          assertThat(worker.awaitLine("READY"::equals, 120_000))
              .as("%s started", worker.name())
              .isTrue();
        }
        long ready = System.nanoTime();
        AtomicReference<Throwable> killerFailure = new AtomicReference<>();
        if (kills != null) {
          killer[0] =
              new Thread(
                  () -> {
                    try {
                      killAndRestart(kills, db, folder, workers, logs, mode);
                    } catch (Throwable e) {
                      killerFailure.set(e);
                    }
                  },
                  "killer");
          killer[0].start();
        }
        List<String> ids = new ArrayList<>();
        try (Baton baton = db.open()) {
          FulfilmentClient client = FulfilmentClient.of(baton);
          for (int i = 0; i < workflows; i++) {
            client.start(order(i).id(), order(i));
            ids.add(order(i).id());
          }
          long started = System.nanoTime();
          System.out.printf(
              "%s: workers ready in %d ms, %d workflows started in %d ms%n",
              name, (ready - begin) / 1_000_000, workflows, (started - ready) / 1_000_000);
          long deadline = System.currentTimeMillis() + LIVENESS_BOUND_MILLIS;
          long running;
          long lastReport = 0;
          while ((running =
                      db.queryLong("SELECT COUNT(*) FROM baton_runs WHERE status = 'RUNNING'"))
                  > 0
              || (killer[0] != null && killer[0].isAlive())) {
            assertThat(System.currentTimeMillis())
                .as("all workflows closed within the liveness bound; %d still running", running)
                .isLessThan(deadline);
            for (ChildJvm worker : workers) {
              assertThat(worker.diedOnItsOwn())
                  .as("%s exited on its own; its output: %s", worker.name(), worker.lines())
                  .isFalse();
            }
            if (System.currentTimeMillis() - lastReport > 10_000) {
              lastReport = System.currentTimeMillis();
              System.out.printf(
                  "%s: %d running after %d s%n",
                  name, running, (System.nanoTime() - begin) / 1_000_000_000);
            }
            Thread.sleep(250);
          }
          if (killer[0] != null) {
            killer[0].join();
            assertThat(killerFailure.get()).as("kills and restarts").isNull();
          }
          long done = System.nanoTime();
          System.out.printf(
              "%s: all %d workflows closed %d ms after the first start%n",
              name, workflows, (done - ready) / 1_000_000);

          for (int i = 0; i < workflows; i++) {
            Fulfilment.Order order = order(i);
            assertThat(client.handle(order.id()).result(Duration.ofSeconds(10)))
                .isEqualTo(FulfilmentImpl.expectedReceipt(order));
          }
        }
        Map<String, ExactlyOnce.Recorded> recorded = ExactlyOnce.checkHistory(db.jdbc(), ids);
        long retried = recorded.values().stream().filter(r -> r.attempt() > 1).count();
        int extra = ExactlyOnce.checkExecutions(recorded, logs);
        System.out.printf(
            "%s: %d workflows, %d activities recorded at a retried attempt, %d extra executions,"
                + " all under lost leases (%d JVMs in all)%n",
            name, workflows, retried, extra, logs.size());
      } finally {
        if (killer[0] != null) {
          killer[0].interrupt();
          killer[0].join(60_000);
        }
        for (ChildJvm worker : workers) {
          worker.close();
        }
      }
    }
  }

  private static ChildJvm launchWorker(
      TestDatabase db, Path folder, String name, List<Path> logs, DispatchMode mode)
      throws Exception {
    Path log = folder.resolve(name + "-" + logs.size() + ".log");
    logs.add(log);
    return ChildJvm.launch(
        name, ContentionWorker.class, List.of(mode.jvmOption()), db.spec(), log.toString());
  }

  /**
   * Kills a random one of the three workers ten times, each time when a seeded random number of
   * workflows (between 5% and 90% of them) has completed plus a random delay of up to a second, so
   * that every kill interrupts work however fast the machine is; restarts it at once.
   */
  private static void killAndRestart(
      Random random,
      TestDatabase db,
      Path folder,
      List<ChildJvm> workers,
      List<Path> logs,
      DispatchMode mode)
      throws Exception {
    int[] thresholds = new int[KILLS];
    for (int k = 0; k < KILLS; k++) {
      thresholds[k] = WORKFLOWS / 20 + random.nextInt(WORKFLOWS * 85 / 100);
    }
    Arrays.sort(thresholds);
    for (int k = 0; k < KILLS; k++) {
      long delay = random.nextInt(1_000);
      int victim = random.nextInt(workers.size());
      while (db.queryLong("SELECT COUNT(*) FROM baton_runs WHERE status = 'COMPLETED'")
          < thresholds[k]) {
        Thread.sleep(100);
      }
      Thread.sleep(delay);
      ChildJvm old = workers.get(victim);
      old.kill();
      long completed = db.queryLong("SELECT COUNT(*) FROM baton_runs WHERE status = 'COMPLETED'");
      long running = db.queryLong("SELECT COUNT(*) FROM baton_runs WHERE status = 'RUNNING'");
      System.out.printf(
          "ContentionTest(kills): kill %d of %s (%s) at %d completed + %d ms; %d completed, %d"
              + " running%n",
          k + 1,
          old.name(),
          old.process().isAlive() ? "still alive!" : "dead",
          thresholds[k],
          delay,
          completed,
          running);
      workers.set(victim, launchWorker(db, folder, "worker-" + victim, logs, mode));
    }
  }
}
