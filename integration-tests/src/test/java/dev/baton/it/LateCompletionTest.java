package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.ActivityContext;
import dev.baton.ActivityLeaseLostException;
import dev.baton.Baton;
import dev.baton.BatonOptions;
import dev.baton.HistoryEvent;
import dev.baton.SettableTimeSource;
import dev.baton.TimeSource;
import dev.baton.Worker;
import dev.baton.WorkerOptions;
import dev.baton.WorkflowHandle;
import dev.baton.WorkflowStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/**
 * An activity whose lease expires is claimed and completed by another worker; the first worker's
 * completion then fails with a lease-lost error and history holds one result.
 */
class LateCompletionTest {
  @AllDatabases
  void completionAfterTheLeaseExpiredIsRejected(DatabaseKind kind, @TempDir Path folder)
      throws Exception {
    SettableTimeSource clock = TimeSource.settable(Instant.parse("2026-01-01T00:00:00Z"));
    CountDownLatch firstAttemptStarted = new CountDownLatch(1);
    CountDownLatch releaseFirstAttempt = new CountDownLatch(1);
    CompletableFuture<String> firstToken = new CompletableFuture<>();

    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open(BatonOptions.newBuilder().timeSource(clock).build())) {
      Slow.Work slowFirst =
          input -> {
            firstToken.complete(ActivityContext.current().taskToken());
            firstAttemptStarted.countDown();
            await(releaseFirstAttempt);
            return "late result of attempt " + ActivityContext.current().attempt();
          };
      Worker first =
          baton
              .newWorker("slow", WorkerOptions.newBuilder().activitySlots(1).build())
              .registerWorkflow(Slow.Impl.class)
              .registerActivities(slowFirst)
              .start();
      WorkflowHandle<String> run = SlowClient.of(baton).start("late-1", "x");
      assertThat(firstAttemptStarted.await(30, TimeUnit.SECONDS)).isTrue();

      Slow.Work fast = input -> "result of attempt " + ActivityContext.current().attempt();
      baton.newWorker("slow").registerActivities(fast).start();
      clock.advance(Duration.ofSeconds(31)); // past start-to-close: the lease expires
      // Let time pass, a second per step, until the retry back-off is over and attempt 2 ran.
      for (int step = 0; step < 100 && run.status() == WorkflowStatus.RUNNING; step++) {
        clock.advance(Duration.ofSeconds(1));
        Thread.sleep(50);
      }

      assertThat(run.result(Duration.ofSeconds(30))).isEqualTo("result of attempt 2");

      releaseFirstAttempt.countDown();
      assertThat(first.shutdown(Duration.ofSeconds(30))).isTrue(); // its completion was attempted
      assertThatThrownBy(() -> baton.activityCompletion().complete(firstToken.get(), "late"))
          .isInstanceOf(ActivityLeaseLostException.class)
          .hasMessageContaining("no longer valid");

      var completions =
          baton.history("late-1").stream()
              .filter(e -> e.type().equals("ActivityTaskCompleted"))
              .toList();
      assertThat(completions).hasSize(1);
      assertThat(completions.get(0).attributesJson()).contains("result of attempt 2");
      assertThat(baton.history("late-1"))
          .extracting(HistoryEvent::type)
          .filteredOn(t -> t.equals("ActivityTaskStarted"))
          .hasSize(1);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
