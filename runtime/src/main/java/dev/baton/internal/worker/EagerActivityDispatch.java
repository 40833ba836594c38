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

  /**
   * Sets aside slots for the activities {@code commands} schedule that this worker runs. With
   * {@code ownSlot}, the commit is made on an activity thread whose slot is free once it is done:
   * that slot counts as one, and the first activity leased runs on that thread ({@link #run}).
   */
  EagerActivities reserve(List<Event> commands, boolean ownSlot) {
    if (activities == null) {
      return EagerActivities.NONE;
    }
    int wanted = EagerActivities.eligible(commands, taskQueue, activityTypes);
    if (wanted == 0) {
      return EagerActivities.NONE;
    }
    int own = ownSlot ? 1 : 0;
    int reserved = own + activities.tryReserve(wanted - own);
    return reserved == 0
        ? EagerActivities.NONE
        : new EagerActivities(owner, taskQueue, activityTypes, reserved);
  }

  /**
   * Runs the activities the commit leased to this worker and gives back the unused slots. With
   * {@code ownSlot} (as reserved), the first of them is returned for the calling thread to run in
   * its own slot, and that slot is never given back here; otherwise {@code null} is returned.
   */
  @Nullable ClaimedActivityTask run(
      EagerActivities grant, List<ClaimedActivityTask> started, boolean ownSlot) {
    if (activities == null || grant.slots() == 0) {
      return null;
    }
    int own = ownSlot ? 1 : 0;
    int inline = Math.min(own, started.size());
    activities.release(grant.slots() - own - (started.size() - inline));
    for (int i = inline; i < started.size(); i++) {
      ClaimedActivityTask task = started.get(i);
      if (!activities.runReserved(task)) {
        giveBack(task);
      }
    }
    if (inline == 0) {
      return null;
    }
    if (!activities.isRunning()) { // shutting down: another worker takes it
      giveBack(started.get(0));
      return null;
    }
    return started.get(0);
  }

  /**
   * Gives back the slots of {@code grant}, the caller's own excepted ({@code ownSlot}): its commit
   * leased nothing to this worker.
   */
  void cancel(EagerActivities grant, boolean ownSlot) {
    if (activities != null && grant.slots() > 0) {
      activities.release(grant.slots() - (ownSlot ? 1 : 0));
    }
  }

  /** Puts a task leased to this worker, which will not run it, back on the queue. */
  void giveBack(ClaimedActivityTask task) {
    try {
      services.activities().release(task.token());
      services.wakeups().activityTasks().signal();
    } catch (RuntimeException e) {
      log.warn(
          "Could not give back activity task {}; its lease will expire", task.token().text(), e);
    }
  }
}
