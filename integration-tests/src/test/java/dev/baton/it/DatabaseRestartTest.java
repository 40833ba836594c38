package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Baton;
import dev.baton.WorkerOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database server goes away in the middle of a run, on a private MariaDB server ({@link
 * PrivateMariaDb}) so the shared one is untouched: stopped cleanly (SIGTERM) or killed (SIGKILL),
 * and started again a few seconds later on the same port and data. The worker is not restarted: it
 * must reconnect by itself, and every workflow completes with its result, each activity completion
 * recorded once and re-executed only under a lost lease.
 */
class DatabaseRestartTest {
  private static final int WORKFLOWS = 300;
  private static final long OUTAGE_MILLIS = 5_000;

  @Test
  void workersRecoverWhenTheServerIsStoppedAndStartedAgain(@TempDir Path folder) throws Exception {
    run(folder, false);
  }

  @Test
  void workersRecoverWhenTheServerIsKilledAndStartedAgain(@TempDir Path folder) throws Exception {
    run(folder, true);
  }

  private static Fulfilment.Order order(int i) {
    return new Fulfilment.Order(
        "restart-" + i, List.of(new Fulfilment.Line("sku", 1 + i % 3)), 5 * i);
  }

  private static void run(Path folder, boolean kill) throws Exception {
    String name = kill ? "DatabaseRestartTest(SIGKILL)" : "DatabaseRestartTest(SIGTERM)";
    Path log = folder.resolve("side-effects.log");
    try (PrivateMariaDb server = PrivateMariaDb.start(folder.resolve("mariadb"))) {
      server.createDatabase("baton");
      String[] jdbc = {server.url("baton"), "root", ""};
      try (Baton baton = Baton.connect(jdbc[0], jdbc[1], jdbc[2])) {
        baton
            .newWorker(
                "fulfilment",
                WorkerOptions.newBuilder()
                    .workflowTaskTimeout(Duration.ofSeconds(5))
                    .activitySlots(8)
                    .maxPollInterval(Duration.ofMillis(200))
                    .build())
            .registerWorkflow(CrashFulfilmentImpl.class)
            .registerActivities(new LoggingSteps(log, 20))
            .start();
        FulfilmentClient client = FulfilmentClient.of(baton);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < WORKFLOWS; i++) {
          client.start(order(i).id(), order(i));
          ids.add(order(i).id());
        }
        long completed;
        while ((completed = countRuns(jdbc, "COMPLETED")) < WORKFLOWS / 3) {
          Thread.sleep(50);
        }
        long running = countRuns(jdbc, "RUNNING");
        long outage = System.nanoTime();
        if (kill) {
          server.kill();
        } else {
          server.stop();
        }
        System.out.printf(
            "%s: server %s with %d workflows completed and %d running%n",
            name, kill ? "killed" : "stopped", completed, running);
        assertThat(running).as("workflows running when the server went away").isPositive();
        Thread.sleep(OUTAGE_MILLIS);
        server.start();
        System.out.printf(
            "%s: server back after %d ms%n", name, (System.nanoTime() - outage) / 1_000_000);

        long deadline = System.currentTimeMillis() + 5 * 60_000;
        while ((running = countRuns(jdbc, "RUNNING")) > 0) {
          assertThat(System.currentTimeMillis())
              .as("all workflows closed within the liveness bound; %d still running", running)
              .isLessThan(deadline);
          Thread.sleep(250);
        }
        System.out.printf(
            "%s: all %d workflows closed %d ms after the server went away%n",
            name, WORKFLOWS, (System.nanoTime() - outage) / 1_000_000);
        for (int i = 0; i < WORKFLOWS; i++) {
          Fulfilment.Order order = order(i);
          assertThat(client.handle(order.id()).result(Duration.ofSeconds(10)))
              .isEqualTo(FulfilmentImpl.expectedReceipt(order));
        }
        Map<String, ExactlyOnce.Recorded> recorded = ExactlyOnce.checkHistory(jdbc, ids);
        long retried = recorded.values().stream().filter(r -> r.attempt() > 1).count();
        int extra = ExactlyOnce.checkExecutions(recorded, List.of(log));
        System.out.printf(
            "%s: %d activities recorded at a retried attempt, %d extra executions, all under"
                + " lost leases%n",
            name, retried, extra);
      }
    }
  }

  private static long countRuns(String[] jdbc, String status) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbc[0], jdbc[1], jdbc[2]);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT COUNT(*) FROM baton_runs WHERE status = '" + status + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
