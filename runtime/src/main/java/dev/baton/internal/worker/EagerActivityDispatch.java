package dev.baton.internal.worker;

import dev.baton.internal.Services;
import dev.baton.internal.history.Event;
import dev.baton.internal.store.ClaimedActivityTask;
import dev.baton.internal.store.EagerActivities;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a workflow task commit lease the activities it schedules to this worker at once, and runs
 * them in the worker's activity slots: slots are set aside before the commit, used by the leased
 * activities after it, and given back when fewer (or none) were leased.
 */
final class EagerActivityDispatch {
  private static final Logger log = LoggerFactory.getLogger(EagerActivityDispatch.class);

  private final Services services;
  private final @Nullable PollLoop<ClaimedActivityTask> activities;
  private final String owner;
  private final String taskQueue;
  private final Set<String> activityTypes;

  /** A dispatch into {@code activities}; none happens when it is {@code null}. */
  EagerActivityDispatch(
      Services services,
      @Nullable PollLoop<ClaimedActivityTask> activities,
      String owner,
      String taskQueue,
      Set<String> activityTypes) {
    this.services = services;
    this.activities = activities;
    this.owner = owner;
    this.taskQueue = taskQueue;
    this.activityTypes = activityTypes;
  }

  /** Sets aside slots for the activities {@code commands} schedule that this worker runs. */
  EagerActivities reserve(List<Event> commands) {
    if (activities == null) {
      return EagerActivities.NONE;
    }
    int wanted = EagerActivities.eligible(commands, taskQueue, activityTypes);
    int reserved = wanted == 0 ? 0 : activities.tryReserve(wanted);
    return reserved == 0
        ? EagerActivities.NONE
        : new EagerActivities(owner, taskQueue, activityTypes, reserved);
  }

  /** Runs the activities the commit leased to this worker and gives back the unused slots. */
  void run(EagerActivities grant, List<ClaimedActivityTask> started) {
    if (activities == null) {
      return;
    }
    activities.release(grant.slots() - started.size());
    for (ClaimedActivityTask task : started) {
      if (!activities.runReserved(task)) {
        giveBack(task);
      }
    }
  }

  /** Gives back every slot of {@code grant}: its commit leased nothing to this worker. */
  void cancel(EagerActivities grant) {
    if (activities != null) {
      activities.release(grant.slots());
    }
  }

  /** Puts a task leased to this worker, which is shutting down, back on the queue. */
  private void giveBack(ClaimedActivityTask task) {
    try {
      services.activities().release(task.token());
      services.wakeups().activityTasks().signal();
    } catch (RuntimeException e) {
      log.warn(
          "Could not give back activity task {}; its lease will expire", task.token().text(), e);
    }
  }
}
