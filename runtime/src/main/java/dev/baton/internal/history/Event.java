package dev.baton.internal.history;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * The attributes of each kind of history event. The record's simple name is the stored event type;
 * its components are the stored JSON attributes.
 */
public sealed interface Event {
  /** The stored event type name. */
  default String typeName() {
    return getClass().getSimpleName();
  }

  /**
   * The request id a retried call recognises this event by, or {@code null}. Events that carry one
   * declare it as a record component.
   */
  default @Nullable String requestId() {
    return null;
  }

  /** Whether a workflow task's commands produce this event (rather than the outside world). */
  default boolean producedByCommand() {
    return false;
  }

  /** The run started. */
  record WorkflowExecutionStarted(String workflowType, String taskQueue, JsonNode input)
      implements Event {}

  /** A workflow task was scheduled. */
  record WorkflowTaskScheduled(String taskQueue) implements Event {}

  /**
   * A worker started the workflow task. Written together with its completion, so that failed or
   * timed-out attempts leave history unchanged. {@code requestId} is the lease token of the
   * completing attempt: a commit whose outcome was unknown is recognised by it.
   */
  record WorkflowTaskStarted(String identity, int attempt, long startedAt, String requestId)
      implements Event {}

  /**
   * The workflow task completed. {@code lastSeenEventId} is the last event the code saw; events
   * after it and before this one are seen by the next task. {@code taskTime} is what {@code
   * Workflows.currentTime()} returned.
   */
  record WorkflowTaskCompleted(String identity, long lastSeenEventId, long taskTime)
      implements Event {}

  /** The workflow scheduled an activity. */
  record ActivityTaskScheduled(
      int seq,
      String activityType,
      String taskQueue,
      JsonNode input,
      long startToCloseMillis,
      @Nullable Long scheduleToCloseMillis,
      @Nullable Long scheduleToStartMillis,
      @Nullable Long heartbeatMillis,
      RetryPolicyData retry)
      implements Event {
    @Override
    public boolean producedByCommand() {
      return true;
    }
  }

  /**
   * The attempt that produced the activity's outcome started. Written with the outcome; {@code
   * requestId} is the attempt's lease token, by which a retried completion is recognised.
   */
  record ActivityTaskStarted(int seq, int attempt, String identity, String requestId)
      implements Event {}

  /** The activity returned a result. */
  record ActivityTaskCompleted(int seq, JsonNode result) implements Event {}

  /**
   * An attempt of the activity failed or timed out and the retry policy schedules attempt {@code
   * attempt + 1} at {@code retryAt}. Recorded for visibility only: workflow code does not see it.
   */
  record ActivityTaskAttemptFailed(int seq, int attempt, FailureData failure, long retryAt)
      implements Event {}

  /** The activity failed for good (retries exhausted or not allowed). */
  record ActivityTaskFailed(int seq, int attempt, FailureData failure) implements Event {}

  /** The activity timed out for good; {@code timeoutType} names which timeout. */
  record ActivityTaskTimedOut(
      int seq, int attempt, String timeoutType, @Nullable FailureData lastFailure)
      implements Event {}

  /** The workflow started a durable timer of {@code durationMillis}. */
  record TimerStarted(int seq, long durationMillis) implements Event {
    @Override
    public boolean producedByCommand() {
      return true;
    }
  }

  /** A timer came due. */
  record TimerFired(int seq) implements Event {}

  /** The workflow cancelled a timer before it fired. */
  record TimerCanceled(int seq) implements Event {
    @Override
    public boolean producedByCommand() {
      return true;
    }
  }

  /** A signal arrived; {@code requestId} makes a retried send a no-op. */
  record SignalReceived(String signalName, JsonNode input, String requestId) implements Event {}

  /**
   * The workflow recorded a value to be replayed instead of recomputed: a side effect or a local
   * activity's outcome ({@code failure} set when it failed for good).
   */
  record MarkerRecorded(
      int seq, String markerName, @Nullable JsonNode value, @Nullable FailureData failure)
      implements Event {
    @Override
    public boolean producedByCommand() {
      return true;
    }
  }

  /** The workflow method returned. */
  record WorkflowExecutionCompleted(JsonNode result) implements Event {
    @Override
    public boolean producedByCommand() {
      return true;
    }
  }

  /** The workflow method threw a failure that fails the run. */
  record WorkflowExecutionFailed(FailureData failure) implements Event {
    @Override
    public boolean producedByCommand() {
      return true;
    }
  }
}
