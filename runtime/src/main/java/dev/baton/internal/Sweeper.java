package dev.baton.internal;

import dev.baton.internal.store.ActivityStore;
import dev.baton.internal.store.DueTimers;
import dev.baton.internal.store.TimerResumer;
import dev.baton.internal.store.TimerStore;
import dev.baton.internal.store.WorkflowStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due timers and expires leases: workflow tasks whose worker did not commit in time become
 * available again, and activity tasks whose attempt timed out are retried or their timeout
 * recorded. Runs every {@code intervalMillis}, whenever a settable clock moves, and when the
 * earliest timer is due (timers started in this process wake it to look again), so a short timer
 * fires on time rather than at the next interval. A timer whose run a worker of this process holds
 * fires with the workflow task it wakes, worked first by that worker ({@link TimerResumer}).
 */
final class Sweeper implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Sweeper.class);

  /**
   * Due timers fired per transaction: one commit for many resumptions (B5: thousands due at one
   * instant), small enough that a transaction holds few run locks for long.
   */
  static final int TIMERS_PER_TRANSACTION = 50;

  /**
   * Transactions firing timers at once. A firing transaction waits on the database's round trips
   * most of its time, and a timer's workflow task worked before it fires runs on the firing's
   * thread; several overlap both and share the database's and the process's cores.
   */
  static final int FIRING_TRANSACTIONS = 4;

  private final WorkflowStore workflows;
  private final ActivityStore activities;
  private final TimerStore timers;
  private final TimerResumer resumer;
  private final Wakeups wakeups;
  private final BackgroundLoop loop;
  private final ExecutorService firing =
      Executors.newFixedThreadPool(
          FIRING_TRANSACTIONS - 1,
          runnable -> {
            Thread thread = new Thread(runnable, "baton-timer-firing");
            thread.setDaemon(true);
            return thread;
          });

  Sweeper(
      WorkflowStore workflows,
      ActivityStore activities,
      TimerStore timers,
      TimerResumer resumer,
      Wakeups wakeups,
      long intervalMillis) {
    this.workflows = workflows;
    this.activities = activities;
    this.timers = timers;
    this.resumer = resumer;
    this.wakeups = wakeups;
    this.loop =
        new BackgroundLoop(
            "baton-sweeper",
            wakeups.timers(),
            intervalMillis,
            this::sweepOnce,
            timers::millisUntilNextDue);
  }

  void start() {
    loop.start();
  }

  /** Sweeps as soon as possible. */
  void trigger() {
    wakeups.timers().signal();
  }

  /** Sweeps once, on the calling thread. */
  void sweepOnce() {
    int timedOutRuns;
    do {
      timedOutRuns = workflows.timeOutRuns(100);
      if (timedOutRuns > 0) {
        wakeups.runsClosed().signal();
        wakeups.outbox().signal();
      }
    } while (timedOutRuns == 100);
    int expired = workflows.expireLeases();
    int timedOut;
    do {
      timedOut = activities.expireLeases(100);
      expired += timedOut;
    } while (timedOut == 100);
    int max = TIMERS_PER_TRANSACTION * FIRING_TRANSACTIONS;
    int taken;
    do {
      DueTimers due = timers.due(max);
      taken = due.timers().size();
      fire(due.byRuns(TIMERS_PER_TRANSACTION));
      if (taken > 0) {
        wakeups.workflowTasks().signal(); // workers resume these runs while more are fired
      }
      expired += taken;
    } while (taken == max);
    if (expired > 0) {
      log.debug("Expired {} lease(s)", expired);
      wakeups.workflowTasks().signal();
      wakeups.activityTasks().signal();
    }
  }

  /** Fires {@code parts}, each in a transaction of its own, at once; the first on this thread. */
  private void fire(List<DueTimers> parts) {
    List<Future<?>> others = new ArrayList<>();
    for (DueTimers part : parts.subList(Math.min(1, parts.size()), parts.size())) {
      others.add(firing.submit(() -> timers.fire(part, resumer)));
    }
    RuntimeException failure = null;
    try {
      if (!parts.isEmpty()) {
        timers.fire(parts.get(0), resumer);
      }
    } catch (RuntimeException e) {
      failure = e;
    }
    for (Future<?> other : others) {
      try {
        other.get();
      } catch (ExecutionException e) {
        if (failure == null && e.getCause() instanceof RuntimeException cause) {
          failure = cause;
        } else {
          log.warn("Could not fire due timers", e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (failure != null) {
      throw failure; // the loop logs it and sweeps again
    }
  }

  @Override
  public void close() {
    loop.close();
    firing.shutdownNow();
  }
}
