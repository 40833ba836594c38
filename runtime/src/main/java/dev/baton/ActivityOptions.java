package dev.baton;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Options of an activity call: task queue, timeouts and retry policy. Every setting may be left
 * unset ({@code null}); {@link #mergedWith} lets a stub's options override those declared on the
 * activity method. Immutable; build with {@link #newBuilder()}.
 *
 * <p>When neither start-to-close nor schedule-to-close is set, a start-to-close timeout of {@link
 * #DEFAULT_START_TO_CLOSE} applies.
 */
public final class ActivityOptions {
  /** The start-to-close timeout used when neither start-to-close nor schedule-to-close is set. */
  public static final Duration DEFAULT_START_TO_CLOSE = Duration.ofMinutes(5);

  private static final ActivityOptions NONE = newBuilder().build();

  private final @Nullable String taskQueue;
  private final @Nullable Duration startToClose;
  private final @Nullable Duration scheduleToClose;
  private final @Nullable Duration scheduleToStart;
  private final @Nullable Duration heartbeat;
  private final @Nullable RetryOptions retry;

  private ActivityOptions(Builder b) {
    this.taskQueue = b.taskQueue;
    this.startToClose = b.startToClose;
    this.scheduleToClose = b.scheduleToClose;
    this.scheduleToStart = b.scheduleToStart;
    this.heartbeat = b.heartbeat;
    this.retry = b.retry;
  }

  /** A builder with nothing set. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Options with nothing set. */
  public static ActivityOptions none() {
    return NONE;
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder()
        .taskQueue(taskQueue)
        .startToClose(startToClose)
        .scheduleToClose(scheduleToClose)
        .scheduleToStart(scheduleToStart)
        .heartbeat(heartbeat)
        .retry(retry);
  }

  /** These options with every setting that {@code overrides} sets replaced by its value. */
  public ActivityOptions mergedWith(ActivityOptions overrides) {
    Objects.requireNonNull(overrides, "overrides");
    return new Builder()
        .taskQueue(firstNonNull(overrides.taskQueue, taskQueue))
        .startToClose(firstNonNull(overrides.startToClose, startToClose))
        .scheduleToClose(firstNonNull(overrides.scheduleToClose, scheduleToClose))
        .scheduleToStart(firstNonNull(overrides.scheduleToStart, scheduleToStart))
        .heartbeat(firstNonNull(overrides.heartbeat, heartbeat))
        .retry(firstNonNull(overrides.retry, retry))
        .build();
  }

  private static <T> @Nullable T firstNonNull(@Nullable T first, @Nullable T second) {
    return first != null ? first : second;
  }

  /** The task queue; unset means the calling workflow's queue. */
  public @Nullable String taskQueue() {
    return taskQueue;
  }

  /** How long one attempt may run, which is also the worker's lease on the task. */
  public @Nullable Duration startToClose() {
    return startToClose;
  }

  /** How long all attempts together may take. Unset: no limit. */
  public @Nullable Duration scheduleToClose() {
    return scheduleToClose;
  }

  /** How long a task may wait before a worker claims it. Unset: no limit. */
  public @Nullable Duration scheduleToStart() {
    return scheduleToStart;
  }

  /** How long a running attempt may go without a heartbeat. Unset: no heartbeat needed. */
  public @Nullable Duration heartbeat() {
    return heartbeat;
  }

  /** The retry policy. Unset: {@link RetryOptions#getDefault()}. */
  public @Nullable RetryOptions retry() {
    return retry;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActivityOptions that
        && Objects.equals(taskQueue, that.taskQueue)
        && Objects.equals(startToClose, that.startToClose)
        && Objects.equals(scheduleToClose, that.scheduleToClose)
        && Objects.equals(scheduleToStart, that.scheduleToStart)
        && Objects.equals(heartbeat, that.heartbeat)
        && Objects.equals(retry, that.retry);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        taskQueue, startToClose, scheduleToClose, scheduleToStart, heartbeat, retry);
  }

  @Override
  public String toString() {
    return "ActivityOptions{taskQueue="
        + taskQueue
        + ", startToClose="
        + startToClose
        + ", scheduleToClose="
        + scheduleToClose
        + ", scheduleToStart="
        + scheduleToStart
        + ", heartbeat="
        + heartbeat
        + ", retry="
        + retry
        + "}";
  }

  /** Builds {@link ActivityOptions}; every setting is optional. */
  public static final class Builder {
    private @Nullable String taskQueue;
    private @Nullable Duration startToClose;
    private @Nullable Duration scheduleToClose;
    private @Nullable Duration scheduleToStart;
    private @Nullable Duration heartbeat;
    private @Nullable RetryOptions retry;

    private Builder() {}

    /** The task queue the activity runs on. */
    public Builder taskQueue(@Nullable String taskQueue) {
      if (taskQueue != null && taskQueue.isBlank()) {
        throw new IllegalArgumentException("taskQueue must not be blank; pass null to unset it");
      }
      this.taskQueue = taskQueue;
      return this;
    }

    /** How long one attempt may run; positive. */
    public Builder startToClose(@Nullable Duration timeout) {
      this.startToClose = Durations.positiveOrUnset("startToClose", timeout);
      return this;
    }

    /** How long all attempts together may take; positive. */
    public Builder scheduleToClose(@Nullable Duration timeout) {
      this.scheduleToClose = Durations.positiveOrUnset("scheduleToClose", timeout);
      return this;
    }

    /** How long the task may wait to be claimed; positive. */
    public Builder scheduleToStart(@Nullable Duration timeout) {
      this.scheduleToStart = Durations.positiveOrUnset("scheduleToStart", timeout);
      return this;
    }

    /** How long an attempt may go without a heartbeat; positive. */
    public Builder heartbeat(@Nullable Duration timeout) {
      this.heartbeat = Durations.positiveOrUnset("heartbeat", timeout);
      return this;
    }

    /** The retry policy. */
    public Builder retry(@Nullable RetryOptions retry) {
      this.retry = retry;
      return this;
    }

    /** The options. */
    public ActivityOptions build() {
      return new ActivityOptions(this);
    }
  }
}
