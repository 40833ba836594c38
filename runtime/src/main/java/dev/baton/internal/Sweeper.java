package dev.baton.internal;

import dev.baton.internal.store.ActivityStore;
import dev.baton.internal.store.TimerStore;
import dev.baton.internal.store.WorkflowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due timers and expires leases: workflow tasks whose worker did not commit in time become
 * available again, and activity tasks whose attempt timed out are retried or their timeout
 * recorded. Runs every {@code intervalMillis}, whenever a settable clock moves, and when the
 * earliest timer is due (timers started in this process wake it to look again), so a short timer
 * fires on time rather than at the next interval.
 */
final class Sweeper implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Sweeper.class);

  /**
   * Due timers fired per transaction: one commit for many resumptions (B5: thousands due at one
   * instant), small enough that a transaction holds few run locks for long.
   */
  static final int TIMERS_PER_TRANSACTION = 50;

  private final WorkflowStore workflows;
  private final ActivityStore activities;
  private final TimerStore timers;
  private final Wakeups wakeups;
  private final BackgroundLoop loop;

  Sweeper(
      WorkflowStore workflows,
      ActivityStore activities,
      TimerStore timers,
      Wakeups wakeups,
      long intervalMillis) {
    this.workflows = workflows;
    this.activities = activities;
    this.timers = timers;
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
    int taken;
    do {
      taken = timers.fireDue(TIMERS_PER_TRANSACTION);
      if (taken > 0) {
        wakeups.workflowTasks().signal(); // workers resume these runs while more are fired
      }
      expired += taken;
    } while (taken == TIMERS_PER_TRANSACTION);
    if (expired > 0) {
      log.debug("Expired {} lease(s)", expired);
      wakeups.workflowTasks().signal();
      wakeups.activityTasks().signal();
    }
  }

  @Override
  public void close() {
    loop.close();
  }
}
