package dev.baton;

import dev.baton.internal.activity.ActivityContextHolder;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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

  /**
   * Tells Baton this attempt is alive: renews its lease by the activity's heartbeat timeout (an
   * activity with a heartbeat timeout must call this more often than that) and stores {@code
   * details}, when not {@code null}, for a retry to resume from.
   *
   * @throws ActivityLeaseLostException if the attempt's lease is lost (it timed out and was
   *     retried, or its workflow closed): stop working, nothing this attempt returns will be
   *     recorded
   */
  void heartbeat(@Nullable Object details);

  /**
   * The details of the last heartbeat recorded for this activity, by this attempt or an earlier
   * one, read as {@code type}; empty when there was none.
   */
  <T> Optional<T> heartbeatDetails(Class<T> type);

  /**
   * Declares that returning from the activity method does not complete the activity: some other
   * code or application will complete it later with {@link #taskToken()} through {@link
   * ActivityCompletionClient} (the human-approval pattern, Step Functions' {@code
   * .waitForTaskToken}). The workflow waits meanwhile, bounded by the activity's timeouts.
   */
  void doNotCompleteOnReturn();
}
