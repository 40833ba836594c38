package dev.baton.internal.history;

import com.fasterxml.jackson.annotation.JsonInclude;
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

  /** The run started; {@code attempt} is set (2 or more) on a run that retries a failed one. */
  record WorkflowExecutionStarted(
      String workflowType,
      String taskQueue,
      JsonNode input,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer attempt)
      implements Event {
    /** The start of a run that is not a retry. */
    public WorkflowExecutionStarted(String workflowType, String taskQueue, JsonNode input) {
      this(workflowType, taskQueue, input, null);
    }
  }

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

  /**
   * The workflow asked to start a child workflow; {@code parentClosePolicy} says what happens to
   * the child if this run closes first (TERMINATE or ABANDON).
   */
  record StartChildWorkflowExecutionInitiated(
      int seq,
      String workflowType,
      String workflowId,
      String taskQueue,
      JsonNode input,
      String parentClosePolicy,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable RetryPolicyData retry,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long executionTimeoutMillis)
      implements Event {
    @Override
    public boolean producedByCommand() {
      return true;
    }
  }

  /** The child workflow started as run {@code runId}. */
  record ChildWorkflowExecutionStarted(int seq, String workflowId, String runId) implements Event {}

  /**
   * The child workflow could not start; {@code cause} is WORKFLOW_ALREADY_RUNNING or
   * UNKNOWN_WORKFLOW_TYPE.
   */
  record StartChildWorkflowExecutionFailed(int seq, String workflowId, String cause, String message)
      implements Event {}

  /** The child workflow's method returned {@code result}. */
  record ChildWorkflowExecutionCompleted(int seq, JsonNode result) implements Event {}

  /** The child workflow failed with {@code failure}. */
  record ChildWorkflowExecutionFailed(int seq, FailureData failure) implements Event {}

  /** The child workflow was terminated. */
  record ChildWorkflowExecutionTerminated(int seq, String reason) implements Event {}

  /** The workflow asked to signal the running run of another workflow. */
  record SignalExternalWorkflowExecutionInitiated(
      int seq, String workflowId, String signalName, JsonNode input) implements Event {
    @Override
    public boolean producedByCommand() {
      return true;
    }
  }

  /** The signal of {@code SignalExternalWorkflowExecutionInitiated} {@code seq} was delivered. */
  record ExternalWorkflowExecutionSignaled(int seq) implements Event {}

  /** The signal could not be delivered; {@code cause} says why. */
  record SignalExternalWorkflowExecutionFailed(int seq, String cause, String message)
      implements Event {}

  /** The run's execution timeout of {@code timeoutMillis} ran out; the run ended. */
  record WorkflowExecutionTimedOut(long timeoutMillis) implements Event {}

  /** The child workflow ran out of its execution timeout. */
  record ChildWorkflowExecutionTimedOut(int seq) implements Event {}

  /** Someone asked to cancel the run: its outermost cancellation scope is cancelled. */
  record WorkflowExecutionCancelRequested(String reason) implements Event {}

  /** The workflow method ended with the cancellation it was asked for. */
  record WorkflowExecutionCanceled(String details) implements Event {
    @Override
    public boolean producedByCommand() {
      return true;
    }
  }

  /**
   * The workflow cancelled activity {@code seq}: a task not yet claimed is dropped, a running one
   * hears of it at its next heartbeat; its outcome is no longer recorded.
   */
  record ActivityTaskCancelRequested(int seq) implements Event {
    @Override
    public boolean producedByCommand() {
      return true;
    }
  }

  /** The workflow asked to cancel the running run of another workflow (a child, say). */
  record RequestCancelExternalWorkflowExecutionInitiated(int seq, String workflowId)
      implements Event {
    @Override
    public boolean producedByCommand() {
      return true;
    }
  }

  /** The cancel request {@code seq} was recorded in the other run. */
  record ExternalWorkflowExecutionCancelRequested(int seq) implements Event {}

  /** The cancel request {@code seq} could not be delivered; {@code cause} says why. */
  record RequestCancelExternalWorkflowExecutionFailed(int seq, String cause, String message)
      implements Event {}

  /** The child workflow ended cancelled. */
  record ChildWorkflowExecutionCanceled(int seq) implements Event {}

  /** The run was terminated from outside (its parent closed, or an operator) with a reason. */
  record WorkflowExecutionTerminated(String reason) implements Event {}

  /**
   * The run ended by continuing as a new run of the same workflow id with {@code input}: a fresh,
   * short history for a workflow that runs for long.
   */
  record WorkflowExecutionContinuedAsNew(JsonNode input) implements Event {
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
