package dev.baton;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Options of a local activity call: an activity run by the calling workflow's own worker, inside
 * the workflow task, and recorded as a marker in history instead of going through an activity task.
 * Every setting may be left unset ({@code null}); unset timeouts and retry policy come from the
 * options the activity method declares. Immutable; build with {@link #newBuilder()}.
 *
 * <p>Retries whose wait is at most {@link #localRetryThreshold()} happen at once in the worker; a
 * longer wait is a durable timer, after which the activity runs again in a later workflow task.
 */
public final class LocalActivityOptions {
  /** The local retry threshold used when none is set. */
  public static final Duration DEFAULT_LOCAL_RETRY_THRESHOLD = Duration.ofSeconds(10);

  private static final LocalActivityOptions NONE = newBuilder().build();

  private final @Nullable Duration startToClose;
  private final @Nullable Duration scheduleToClose;
  private final @Nullable RetryOptions retry;
  private final @Nullable Duration localRetryThreshold;

  private LocalActivityOptions(Builder b) {
    this.startToClose = b.startToClose;
    this.scheduleToClose = b.scheduleToClose;
    this.retry = b.retry;
    this.localRetryThreshold = b.localRetryThreshold;
  }

  /** A builder with nothing set. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Options with nothing set: the activity's declared options apply. */
  public static LocalActivityOptions none() {
    return NONE;
  }

  /** How long one attempt may run. Unset: the activity's declared start-to-close. */
  public @Nullable Duration startToClose() {
    return startToClose;
  }

  /** How long all attempts together may take. Unset: the activity's declared schedule-to-close. */
  public @Nullable Duration scheduleToClose() {
    return scheduleToClose;
  }

  /** The retry policy. Unset: the activity's declared policy, else the default policy. */
  public @Nullable RetryOptions retry() {
    return retry;
  }

  /**
   * The longest wait between attempts spent in the worker; a longer one is a durable timer. Unset:
   * {@link #DEFAULT_LOCAL_RETRY_THRESHOLD}.
   */
  public @Nullable Duration localRetryThreshold() {
    return localRetryThreshold;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LocalActivityOptions that
        && Objects.equals(startToClose, that.startToClose)
        && Objects.equals(scheduleToClose, that.scheduleToClose)
        && Objects.equals(retry, that.retry)
        && Objects.equals(localRetryThreshold, that.localRetryThreshold);
  }

  @Override
  public int hashCode() {
    return Objects.hash(startToClose, scheduleToClose, retry, localRetryThreshold);
  }

  @Override
  public String toString() {
    return "LocalActivityOptions{startToClose="
        + startToClose
        + ", scheduleToClose="
        + scheduleToClose
        + ", retry="
        + retry
        + ", localRetryThreshold="
        + localRetryThreshold
        + "}";
  }

  /** Builds {@link LocalActivityOptions}; every setting is optional. */
  public static final class Builder {
    private @Nullable Duration startToClose;
    private @Nullable Duration scheduleToClose;
    private @Nullable RetryOptions retry;
    private @Nullable Duration localRetryThreshold;

    private Builder() {}

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

    /** The retry policy. */
    public Builder retry(@Nullable RetryOptions retry) {
      this.retry = retry;
      return this;
    }

    /** The longest wait between attempts spent in the worker; zero or more. */
    public Builder localRetryThreshold(@Nullable Duration threshold) {
      if (threshold != null && threshold.isNegative()) {
        throw new IllegalArgumentException(
            "localRetryThreshold must not be negative, was " + threshold);
      }
      this.localRetryThreshold = threshold;
      return this;
    }

    /** The options. */
    public LocalActivityOptions build() {
      return new LocalActivityOptions(this);
    }
  }
}
