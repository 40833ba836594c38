package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.ActivityContext;
import dev.baton.Baton;
import dev.baton.HistoryEvent;
import dev.baton.Worker;
import dev.baton.WorkerOptions;
import dev.baton.WorkflowHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

class ShutdownAndCacheTest {
  @AllDatabases
  void gracefulShutdownLetsARunningActivityFinish(DatabaseKind kind, @TempDir Path folder)
      throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      Slow.Work work =
          input -> {
            started.countDown();
            sleep(300);
            return "done " + input;
          };
      Worker worker =
          baton
              .newWorker("slow")
              .registerWorkflow(Slow.Impl.class)
              .registerActivities(work)
              .start();
      WorkflowHandle<String> run = SlowClient.of(baton).start("graceful", "g");
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

      assertThat(worker.shutdown(Duration.ofSeconds(10))).isTrue();

      assertThat(baton.history("graceful"))
          .extracting(HistoryEvent::type)
          .contains("ActivityTaskCompleted");
      baton.newWorker("slow").registerWorkflow(Slow.Impl.class).start();
      assertThat(run.result(Duration.ofSeconds(30))).isEqualTo("done g");
    }
  }

  @AllDatabases
  void shutdownReleasesWhatItCouldNotFinish(DatabaseKind kind, @TempDir Path folder)
      throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      Slow.Work stuck =
          input -> {
            started.countDown();
            try {
              never.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return "stuck";
          };
      Worker worker =
          baton
              .newWorker("slow")
              .registerWorkflow(Slow.Impl.class)
              .registerActivities(stuck)
              .start();
      WorkflowHandle<String> run = SlowClient.of(baton).start("released", "r");
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

      assertThat(worker.shutdown(Duration.ofMillis(200))).isFalse();

      Slow.Work quick = input -> "attempt " + ActivityContext.current().attempt() + " of " + input;
      baton.newWorker("slow").registerWorkflow(Slow.Impl.class).registerActivities(quick).start();
      // Released, not timed out: the same attempt is taken at once, long before start-to-close.
      assertThat(run.result(Duration.ofSeconds(20))).isEqualTo("attempt 1 of r");
    }
  }

  @AllDatabases
  void evictedWorkflowsUnwindTheirThreadsAndReplayLater(DatabaseKind kind, @TempDir Path folder)
      throws Exception {
    int workflows = 12;
    CountDownLatch allStarted = new CountDownLatch(workflows);
    CountDownLatch release = new CountDownLatch(1);
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      Slow.Work gated =
          input -> {
            allStarted.countDown();
            try {
              release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return "done " + input;
          };
      baton
          .newWorker(
              "slow",
              WorkerOptions.newBuilder().maxCachedWorkflows(2).activitySlots(workflows).build())
          .registerWorkflow(Slow.Impl.class)
          .registerActivities(gated)
          .start();
      List<WorkflowHandle<String>> runs = new ArrayList<>();
      for (int i = 0; i < workflows; i++) {
        runs.add(SlowClient.of(baton).start("evict-" + i, "w" + i));
      }
      assertThat(allStarted.await(30, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(200); // let the last workflow task finish committing

      assertThat(workflowThreads())
          .as("live workflow threads with a cache of 2")
          .isLessThanOrEqualTo(2);

      release.countDown();
      for (int i = 0; i < workflows; i++) {
        assertThat(runs.get(i).result(Duration.ofSeconds(30))).isEqualTo("done w" + i);
      }
    }
  }

  private static long workflowThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("workflow-") && t.isAlive())
        .count();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
