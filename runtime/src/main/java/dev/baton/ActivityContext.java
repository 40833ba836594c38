package dev.baton;

import dev.baton.internal.activity.ActivityContextHolder;

/**
 * What an activity can learn about its own execution. Call {@link #current()} from the thread that
 * runs the activity method.
 */
public interface ActivityContext {
  /** The context of the activity running on this thread. */
  static ActivityContext current() {
    return ActivityContextHolder.current();
  }

  /**
   * The token of this attempt's lease. Completing with it through {@link ActivityCompletionClient}
   * works while the lease is valid.
   */
  String taskToken();

  /** The attempt number, 1 for the first. */
  int attempt();

  /**
   * The activity's id within its workflow run (its sequence number there), the same for every
   * attempt.
   */
  String activityId();

  /** When the workflow scheduled the activity (its first attempt). */
  java.time.Instant scheduledTime();

  /** The activity type name. */
  String activityType();

  /** The id of the workflow that scheduled the activity. */
  String workflowId();

  /** The run id of the workflow that scheduled the activity. */
  String runId();
}
