package dev.baton.internal.store;

import dev.baton.internal.history.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a workflow task commit may lease at once to the worker committing it: up to {@code slots} of
 * the activities it schedules on {@code taskQueue} whose types the worker runs. Such an activity is
 * inserted already started under a lease of {@code owner}'s, so the worker runs it without a claim
 * of its own; if the worker dies, the lease runs out and the attempt is retried as after any claim.
 *
 * @param owner the worker's identity, the lease owner
 * @param taskQueue the worker's task queue
 * @param activityTypes the activity types the worker runs
 * @param slots how many activity slots the worker has set aside for them
 */
public record EagerActivities(
    String owner, String taskQueue, Set<String> activityTypes, int slots) {
  /** No activity is leased at once: every one is left for a claim. */
  public static final EagerActivities NONE = new EagerActivities("", "", Set.of(), 0);

  /** How many of {@code commands} a worker granted {@code slots} could start at once. */
  public static int eligible(List<Event> commands, String taskQueue, Set<String> types) {
    int count = 0;
    for (var command : commands) {
      if (command instanceof Event.ActivityTaskScheduled scheduled
          && runsOn(scheduled, taskQueue, types)) {
        count++;
      }
    }
    return count;
  }

  /** Whether a worker of {@code taskQueue} that runs {@code types} runs {@code scheduled}. */
  private static boolean runsOn(
      Event.ActivityTaskScheduled scheduled, String taskQueue, Set<String> types) {
    return scheduled.taskQueue().equals(taskQueue) && types.contains(scheduled.activityType());
  }

  /** Leases granted in one commit attempt, up to the grant's slots. */
  final class Leases {
    private final List<ClaimedActivityTask> started = new ArrayList<>();

    boolean accepts(Event.ActivityTaskScheduled scheduled) {
      return started.size() < slots && runsOn(scheduled, taskQueue, activityTypes);
    }

    String owner() {
      return owner;
    }

    void add(ClaimedActivityTask task) {
      started.add(task);
    }

    List<ClaimedActivityTask> started() {
      return List.copyOf(started);
    }
  }
}
