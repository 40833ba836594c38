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

  /** The activity failed for good (retries exhausted or not allowed). */
  record ActivityTaskFailed(int seq, int attempt, FailureData failure) implements Event {}

  /** The activity timed out for good; {@code timeoutType} names which timeout. */
  record ActivityTaskTimedOut(
      int seq, int attempt, String timeoutType, @Nullable FailureData lastFailure)
      implements Event {}

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
