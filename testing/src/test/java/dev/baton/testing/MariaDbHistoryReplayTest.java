package dev.baton.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.Baton;
import dev.baton.BatonOptions;
import dev.baton.HistoryEvent;
import dev.baton.SettableTimeSource;
import dev.baton.TimeSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A history recorded by a MariaDB-backed run replays in the harness. */
class MariaDbHistoryReplayTest {
  @Test
  void aHistoryExportedFromAMariaDbRunReplaysInTheHarness() throws Exception {
    String exported;
    try (MariaDbServer server = MariaDbServer.createOrSkip()) {
      SettableTimeSource clock = TimeSource.settable(TestEnvironmentOptions.DEFAULT_START_TIME);
      try (Baton baton =
          Baton.connect(
              server.url(),
              MariaDbServer.user(),
              MariaDbServer.password(),
              BatonOptions.newBuilder().timeSource(clock).build())) {
        baton
            .newWorker("orders")
            .registerWorkflow(Orders.OrderImpl.class)
            .registerActivities(new Orders.StepsImpl())
            .start();
        Orders_OrderClient orders = Orders_OrderClient.of(baton);
        var run = orders.start("maria-order", "maria-order");
        awaitEvent(baton, "maria-order", "TimerStarted");
        clock.advance(Duration.ofHours(1));
        awaitEvent(baton, "maria-order", "ActivityTaskCompleted", 2);
        orders.approve("maria-order", "dora");
        assertThat(run.result(Duration.ofSeconds(30))).endsWith("approved by dora");
        exported = baton.exportHistory("maria-order");
      }
    }

    WorkflowReplayer.replay(exported, Orders.OrderImpl.class);
    assertThatThrownBy(() -> WorkflowReplayer.replay(exported, Orders.TimerAdded.class))
        .isInstanceOf(ReplayFailedException.class);
  }

  private static void awaitEvent(Baton baton, String workflowId, String type) {
    awaitEvent(baton, workflowId, type, 1);
  }

  /** Waits (up to 30 s) until the run's history holds {@code count} events of {@code type}. */
  private static void awaitEvent(Baton baton, String workflowId, String type, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (baton.history(workflowId).stream().map(HistoryEvent::type).filter(type::equals).count()
        < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("No " + count + " " + type + " in " + baton.history(workflowId));
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
