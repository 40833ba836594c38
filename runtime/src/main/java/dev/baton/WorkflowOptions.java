package dev.baton;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Options for starting a workflow run. Immutable; build with {@link #newBuilder(String)}. */
public final class WorkflowOptions {
  private final String workflowId;
  private final @Nullable String taskQueue;
  private final @Nullable String requestId;
  private final @Nullable RetryOptions retry;
  private final WorkflowIdReusePolicy idReusePolicy;
  private final Duration executionTimeout;

  /** The longest a run may take, and the default execution timeout: 365 days. */
  public static final Duration MAX_EXECUTION_TIMEOUT = Duration.ofDays(365);

  private WorkflowOptions(Builder builder) {
    this.executionTimeout = builder.executionTimeout;
    this.idReusePolicy = builder.idReusePolicy;
    this.retry = builder.retry;
    this.workflowId = builder.workflowId;
    this.taskQueue = builder.taskQueue;
    this.requestId = builder.requestId;
  }

  /** A builder for a run with the given workflow id. */
  public static Builder newBuilder(String workflowId) {
    return new Builder(workflowId);
  }

  /** Options with just a workflow id. */
  public static WorkflowOptions of(String workflowId) {
    return newBuilder(workflowId).build();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder(workflowId)
        .taskQueue(taskQueue)
        .requestId(requestId)
        .retry(retry)
        .idReusePolicy(idReusePolicy)
        .executionTimeout(executionTimeout);
  }

  /**
   * The business id of the workflow: at most 255 characters, compared byte for byte, unique among
   * running workflows.
   */
  public String workflowId() {
    return workflowId;
  }

  /** The task queue; unset means the workflow type's own ({@link Workflow#taskQueue()}). */
  public @Nullable String taskQueue() {
    return taskQueue;
  }

  /**
   * The start's request id: a start retried with the same request id (after a timeout, say) returns
   * the run the first one created instead of failing as already started. Unset: a fresh id per
   * call, which still covers Baton's own retries.
   */
  public @Nullable String requestId() {
    return requestId;
  }

  /**
   * The workflow retry policy: when a run fails with a failure the policy retries, a new run of the
   * same workflow id starts from the beginning after the policy's wait. Unset: no retry.
   */
  public @Nullable RetryOptions retry() {
    return retry;
  }

  /**
   * How long the run may take before it ends as timed out (default and maximum: {@link
   * #MAX_EXECUTION_TIMEOUT}); continue-as-new for work that goes on longer.
   */
  public Duration executionTimeout() {
    return executionTimeout;
  }

  /** Whether the start may reuse an id whose latest run has closed; see the policy. */
  public WorkflowIdReusePolicy idReusePolicy() {
    return idReusePolicy;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WorkflowOptions that
        && idReusePolicy == that.idReusePolicy
        && executionTimeout.equals(that.executionTimeout)
        && workflowId.equals(that.workflowId)
        && Objects.equals(taskQueue, that.taskQueue)
        && Objects.equals(requestId, that.requestId)
        && Objects.equals(retry, that.retry);
  }

  @Override
  public int hashCode() {
    return Objects.hash(workflowId, taskQueue, requestId, retry, idReusePolicy, executionTimeout);
  }

  @Override
  public String toString() {
    return "WorkflowOptions{workflowId="
        + workflowId
        + ", taskQueue="
        + taskQueue
        + ", requestId="
        + requestId
        + ", retry="
        + retry
        + ", idReusePolicy="
        + idReusePolicy
        + ", executionTimeout="
        + executionTimeout
        + "}";
  }

  /** Builds {@link WorkflowOptions}. */
  public static final class Builder {
    private final String workflowId;
    private @Nullable String taskQueue;
    private @Nullable String requestId;
    private @Nullable RetryOptions retry;
    private WorkflowIdReusePolicy idReusePolicy = WorkflowIdReusePolicy.ALLOW_DUPLICATE;
    private Duration executionTimeout = MAX_EXECUTION_TIMEOUT;

    private Builder(String workflowId) {
      this.workflowId = Objects.requireNonNull(workflowId, "workflowId");
    }

    /** The task queue the run's workflow tasks go to. */
    public Builder taskQueue(@Nullable String taskQueue) {
      this.taskQueue = taskQueue;
      return this;
    }

    /**
     * The request id that makes a retried start return the first start's run; at most 64
     * characters.
     */
    public Builder requestId(@Nullable String requestId) {
      if (requestId != null && (requestId.isEmpty() || requestId.length() > 64)) {
        throw new IllegalArgumentException("requestId must have 1 to 64 characters");
      }
      this.requestId = requestId;
      return this;
    }

    /** The workflow retry policy (unset: a failed run is not retried). */
    public Builder retry(@Nullable RetryOptions retry) {
      this.retry = retry;
      return this;
    }

    /** Whether the start may reuse an id whose latest run has closed (default: it may). */
    public Builder idReusePolicy(WorkflowIdReusePolicy policy) {
      this.idReusePolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** How long the run may take: positive, at most {@link #MAX_EXECUTION_TIMEOUT} (365 days). */
    public Builder executionTimeout(Duration timeout) {
      this.executionTimeout = checkExecutionTimeout(timeout);
      return this;
    }

    /** The options. */
    public WorkflowOptions build() {
      return new WorkflowOptions(this);
    }
  }

  /** {@code timeout} if it is a valid execution timeout; otherwise a message saying why not. */
  static Duration checkExecutionTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("executionTimeout must be positive, was " + timeout);
    }
    if (timeout.compareTo(MAX_EXECUTION_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          "executionTimeout is at most 365 days (a run's limit), was "
              + timeout
              + "; for longer work, have the workflow continue as new");
    }
    return timeout;
  }
}
