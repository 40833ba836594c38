package dev.baton;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Options of a child workflow started from workflow code: its workflow id (by default the parent's
 * id followed by {@code "/child-"} and the call's sequence number, the same on every replay), its
 * task queue (by default the child type's) and its {@link ParentClosePolicy} (by default {@link
 * ParentClosePolicy#TERMINATE}). Immutable; build with {@link #newBuilder()}.
 */
public final class ChildWorkflowOptions {
  private static final ChildWorkflowOptions NONE = newBuilder().build();

  private final @Nullable String workflowId;
  private final @Nullable String taskQueue;
  private final ParentClosePolicy parentClosePolicy;
  private final @Nullable RetryOptions retry;
  private final java.time.Duration executionTimeout;

  private ChildWorkflowOptions(Builder b) {
    this.executionTimeout = b.executionTimeout;
    this.retry = b.retry;
    this.workflowId = b.workflowId;
    this.taskQueue = b.taskQueue;
    this.parentClosePolicy = b.parentClosePolicy;
  }

  /** A builder with the defaults. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** The defaults. */
  public static ChildWorkflowOptions none() {
    return NONE;
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder()
        .workflowId(workflowId)
        .taskQueue(taskQueue)
        .parentClosePolicy(parentClosePolicy)
        .retry(retry)
        .executionTimeout(executionTimeout);
  }

  /** The child's workflow id; unset means {@link Workflows#newChildWorkflowId()}. */
  public @Nullable String workflowId() {
    return workflowId;
  }

  /** The child's task queue; unset means the child type's default queue. */
  public @Nullable String taskQueue() {
    return taskQueue;
  }

  /** What happens to the child if the parent closes first. */
  public ParentClosePolicy parentClosePolicy() {
    return parentClosePolicy;
  }

  /**
   * The child's retry policy: a failed run of the child is retried as a new run, and the parent
   * hears only of the last. Unset: no retry.
   */
  public @Nullable RetryOptions retry() {
    return retry;
  }

  /** How long the child's run may take (default and maximum: 365 days). */
  public java.time.Duration executionTimeout() {
    return executionTimeout;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChildWorkflowOptions that
        && executionTimeout.equals(that.executionTimeout)
        && Objects.equals(workflowId, that.workflowId)
        && Objects.equals(taskQueue, that.taskQueue)
        && parentClosePolicy == that.parentClosePolicy
        && Objects.equals(retry, that.retry);
  }

  @Override
  public int hashCode() {
    return Objects.hash(workflowId, taskQueue, parentClosePolicy, retry, executionTimeout);
  }

  @Override
  public String toString() {
    return "ChildWorkflowOptions{workflowId="
        + workflowId
        + ", taskQueue="
        + taskQueue
        + ", parentClosePolicy="
        + parentClosePolicy
        + ", retry="
        + retry
        + "}";
  }

  /** Builds {@link ChildWorkflowOptions}. */
  public static final class Builder {
    private @Nullable String workflowId;
    private @Nullable String taskQueue;
    private ParentClosePolicy parentClosePolicy = ParentClosePolicy.TERMINATE;
    private @Nullable RetryOptions retry;
    private java.time.Duration executionTimeout = WorkflowOptions.MAX_EXECUTION_TIMEOUT;

    private Builder() {}

    /** How long the child's run may take: positive, at most 365 days. */
    public Builder executionTimeout(java.time.Duration timeout) {
      this.executionTimeout = WorkflowOptions.checkExecutionTimeout(timeout);
      return this;
    }

    /** The child's retry policy (unset: a failed child is not retried). */
    public Builder retry(@Nullable RetryOptions retry) {
      this.retry = retry;
      return this;
    }

    /** The child's workflow id: non-empty, at most 255 characters. */
    public Builder workflowId(@Nullable String workflowId) {
      if (workflowId != null && (workflowId.isEmpty() || workflowId.length() > 255)) {
        throw new IllegalArgumentException(
            "A child's workflow id must have 1 to 255 characters, this one has "
                + workflowId.length());
      }
      this.workflowId = workflowId;
      return this;
    }

    /** The child's task queue. */
    public Builder taskQueue(@Nullable String taskQueue) {
      if (taskQueue != null && taskQueue.isBlank()) {
        throw new IllegalArgumentException("taskQueue must not be blank; pass null to unset it");
      }
      this.taskQueue = taskQueue;
      return this;
    }

    /** What happens to the child if the parent closes first. */
    public Builder parentClosePolicy(ParentClosePolicy policy) {
      this.parentClosePolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The options. */
    public ChildWorkflowOptions build() {
      return new ChildWorkflowOptions(this);
    }
  }
}
