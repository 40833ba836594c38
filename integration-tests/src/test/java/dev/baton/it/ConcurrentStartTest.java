package dev.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.Baton;
import dev.baton.WorkflowAlreadyStartedException;
import dev.baton.WorkflowIdReusePolicy;
import dev.baton.WorkflowOptions;
import dev.baton.internal.client.BatonImpl;
import dev.baton.internal.store.GroupCommit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts and completions from many threads of a process whose worker runs the workflow (eager
 * starts, group commit: the defaults): every run finishes with its result, commits were shared, and
 * of several starts of one workflow id at the same instant exactly one succeeds, the others failing
 * with {@link WorkflowAlreadyStartedException}, grouped or not.
 */
class ConcurrentStartTest {
  private static final int THREADS = 8;
  private static final int WORKFLOWS = 200;
  private static final int CONTESTED_IDS = 10;

  /**
   * Options that start {@code workflowId} once ever. With the default policy a start that comes
   * after the first run closed rightly starts another run, and a fulfilment here can finish before
   * the slowest of the simultaneous starts has read the id's current run.
   */
  private static WorkflowOptions once(String workflowId) {
    return WorkflowOptions.newBuilder(workflowId)
        .idReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE)
        .build();
  }

  @AllDatabases
  void concurrentStartsShareCommitsAndAnIdIsStartedOnce(DatabaseKind kind, @TempDir Path folder)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try (TestDatabase db = kind.create(folder);
        Baton baton = db.open()) {
      baton
          .newWorker("fulfilment")
          .registerWorkflow(FulfilmentImpl.class)
          .registerActivities(new StepsImpl())
          .start();
      FulfilmentClient client = FulfilmentClient.of(baton);
      GroupCommit groups = ((BatonImpl) baton).services().groupCommit();

      List<Future<?>> starts = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int first = t;
        starts.add(
            threads.submit(
                () -> {
                  for (int i = first; i < WORKFLOWS; i += THREADS) {
                    client.start(order(i).id(), order(i));
                  }
                  return null;
                }));
      }
      for (Future<?> done : starts) {
        done.get(120, TimeUnit.SECONDS);
      }
      for (int i = 0; i < WORKFLOWS; i++) {
        assertThat(client.handle(order(i).id()).result(Duration.ofSeconds(60)))
            .isEqualTo(FulfilmentImpl.expectedReceipt(order(i)));
      }
      assertThat(groups.members())
          .as("commits shared by starts and completions of different workflows")
          .isGreaterThan(groups.groups());

      for (int k = 0; k < CONTESTED_IDS; k++) {
        Fulfilment.Order contested = order(WORKFLOWS + k);
        CyclicBarrier together = new CyclicBarrier(THREADS);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          attempts.add(
              threads.submit(
                  () -> {
                    together.await();
                    try {
                      client.start(once(contested.id()), contested);
                      return true;
                    } catch (WorkflowAlreadyStartedException e) {
                      return false;
                    }
                  }));
        }
        int started = 0;
        for (Future<Boolean> attempt : attempts) {
          started += attempt.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(started).as("starts of %s that succeeded", contested.id()).isEqualTo(1);
        assertThat(client.handle(contested.id()).result(Duration.ofSeconds(60)))
            .isEqualTo(FulfilmentImpl.expectedReceipt(contested));
      }
      assertThat(db.queryLong("SELECT COUNT(*) FROM baton_runs"))
          .isEqualTo(WORKFLOWS + CONTESTED_IDS);
    } finally {
      threads.shutdownNow();
    }
  }

  private static Fulfilment.Order order(int i) {
    return new Fulfilment.Order(
        "concurrent-" + i, List.of(new Fulfilment.Line("sku", 1 + i % 4)), 10 * i);
  }
}
