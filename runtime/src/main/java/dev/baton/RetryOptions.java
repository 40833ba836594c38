package dev.baton;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a failed activity is retried: the wait before attempt {@code n + 1} is {@code initialInterval
 * * backoffCoefficient^(n - 1)}, capped at {@code maximumInterval}, until {@code maximumAttempts}
 * is reached or the failure's type is in {@code doNotRetry}. Immutable; build with {@link
 * #newBuilder()}.
 */
public final class RetryOptions {
  private static final RetryOptions DEFAULT = newBuilder().build();

  private final Duration initialInterval;
  private final double backoffCoefficient;
  private final @Nullable Duration maximumInterval;
  private final int maximumAttempts;
  private final List<String> doNotRetry;

  private RetryOptions(Builder builder) {
    this.initialInterval = builder.initialInterval;
    this.backoffCoefficient = builder.backoffCoefficient;
    this.maximumInterval = builder.maximumInterval;
    this.maximumAttempts = builder.maximumAttempts;
    this.doNotRetry = List.copyOf(builder.doNotRetry);
  }

  /** A builder starting from the defaults. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** The default policy: one second, doubling, at most 100 seconds apart, unlimited attempts. */
  public static RetryOptions getDefault() {
    return DEFAULT;
  }

  /** A builder starting from this policy. */
  public Builder toBuilder() {
    return new Builder()
        .initialInterval(initialInterval)
        .backoffCoefficient(backoffCoefficient)
        .maximumInterval(maximumInterval)
        .maximumAttempts(maximumAttempts)
        .doNotRetry(doNotRetry);
  }

  /** The wait before the second attempt. Default: one second. */
  public Duration initialInterval() {
    return initialInterval;
  }

  /** The factor each further wait grows by. Default: 2.0. */
  public double backoffCoefficient() {
    return backoffCoefficient;
  }

  /** The longest wait between attempts. Default: 100 times the initial interval. */
  public Duration maximumInterval() {
    return maximumInterval != null ? maximumInterval : initialInterval.multipliedBy(100);
  }

  /** The most attempts, the first included; 0 means unlimited. Default: 0. */
  public int maximumAttempts() {
    return maximumAttempts;
  }

  /** Failure type names that are never retried. Default: none. */
  public List<String> doNotRetry() {
    return doNotRetry;
  }

  /** The wait after failed attempt {@code attempt} (1-based) before the next one. */
  public Duration backoffAfter(int attempt) {
    double millis = initialInterval.toMillis() * Math.pow(backoffCoefficient, attempt - 1);
    long capped = (long) Math.min(millis, maximumInterval().toMillis());
    return Duration.ofMillis(Math.max(0, capped));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryOptions that
        && initialInterval.equals(that.initialInterval)
        && backoffCoefficient == that.backoffCoefficient
        && Objects.equals(maximumInterval, that.maximumInterval)
        && maximumAttempts == that.maximumAttempts
        && doNotRetry.equals(that.doNotRetry);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        initialInterval, backoffCoefficient, maximumInterval, maximumAttempts, doNotRetry);
  }

  @Override
  public String toString() {
    return "RetryOptions{initialInterval="
        + initialInterval
        + ", backoffCoefficient="
        + backoffCoefficient
        + ", maximumInterval="
        + maximumInterval()
        + ", maximumAttempts="
        + maximumAttempts
        + ", doNotRetry="
        + doNotRetry
        + "}";
  }

  /** Builds {@link RetryOptions}. */
  public static final class Builder {
    private Duration initialInterval = Duration.ofSeconds(1);
    private double backoffCoefficient = 2.0;
    private @Nullable Duration maximumInterval;
    private int maximumAttempts;
    private List<String> doNotRetry = List.of();

    private Builder() {}

    /** The wait before the second attempt; must be positive. */
    public Builder initialInterval(Duration initialInterval) {
      Objects.requireNonNull(initialInterval, "initialInterval");
      if (initialInterval.isNegative() || initialInterval.isZero()) {
        throw new IllegalArgumentException(
            "initialInterval must be positive, was " + initialInterval);
      }
      this.initialInterval = initialInterval;
      return this;
    }

    /** The factor each further wait grows by; at least 1.0. */
    public Builder backoffCoefficient(double backoffCoefficient) {
      if (!(backoffCoefficient >= 1.0)) {
        throw new IllegalArgumentException(
            "backoffCoefficient must be at least 1.0, was " + backoffCoefficient);
      }
      this.backoffCoefficient = backoffCoefficient;
      return this;
    }

    /** The longest wait between attempts, or {@code null} for 100 times the initial interval. */
    public Builder maximumInterval(@Nullable Duration maximumInterval) {
      if (maximumInterval != null && maximumInterval.isNegative()) {
        throw new IllegalArgumentException(
            "maximumInterval must not be negative, was " + maximumInterval);
      }
      this.maximumInterval = maximumInterval;
      return this;
    }

    /** The most attempts, the first included; 0 for unlimited. */
    public Builder maximumAttempts(int maximumAttempts) {
      if (maximumAttempts < 0) {
        throw new IllegalArgumentException(
            "maximumAttempts must be 0 (unlimited) or more, was " + maximumAttempts);
      }
      this.maximumAttempts = maximumAttempts;
      return this;
    }

    /** Failure type names that are never retried. */
    public Builder doNotRetry(List<String> typeNames) {
      Objects.requireNonNull(typeNames, "typeNames");
      this.doNotRetry = List.copyOf(typeNames);
      return this;
    }

    /** Failure type names that are never retried. */
    public Builder doNotRetry(String... typeNames) {
      Objects.requireNonNull(typeNames, "typeNames");
      return doNotRetry(List.of(typeNames));
    }

    /** The policy. */
    public RetryOptions build() {
      return new RetryOptions(this);
    }
  }
}
