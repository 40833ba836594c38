package dev.baton.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Options of a {@link TestWorkflowEnvironment}. Immutable; build with {@link #newBuilder()}. */
public final class TestEnvironmentOptions {
  /** The default virtual start time: 2026-01-01T00:00:00Z. */
  public static final Instant DEFAULT_START_TIME = Instant.parse("2026-01-01T00:00:00Z");

  /** The default wall-clock bound of {@code result()}: one minute. */
  public static final Duration DEFAULT_RESULT_TIMEOUT = Duration.ofMinutes(1);

  private static final TestEnvironmentOptions DEFAULT = newBuilder().build();

  private final Instant startTime;
  private final boolean determinismGuard;
  private final Duration resultTimeout;

  private TestEnvironmentOptions(Builder builder) {
    this.startTime = builder.startTime;
    this.determinismGuard = builder.determinismGuard;
    this.resultTimeout = builder.resultTimeout;
  }

  /** A builder starting from the defaults. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** The defaults. */
  public static TestEnvironmentOptions getDefault() {
    return DEFAULT;
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder()
        .startTime(startTime)
        .determinismGuard(determinismGuard)
        .resultTimeout(resultTimeout);
  }

  /** The virtual time at which the environment starts. Default: {@link #DEFAULT_START_TIME}. */
  public Instant startTime() {
    return startTime;
  }

  /**
   * Whether workflow classes registered by class are loaded through the determinism guard. Default:
   * {@code true}.
   */
  public boolean determinismGuard() {
    return determinismGuard;
  }

  /**
   * How long, in wall-clock time, {@code WorkflowHandle.result()} waits for a run while virtual
   * time skips. Default: {@link #DEFAULT_RESULT_TIMEOUT}.
   */
  public Duration resultTimeout() {
    return resultTimeout;
  }

  /** Builds {@link TestEnvironmentOptions}. */
  public static final class Builder {
    private Instant startTime = DEFAULT_START_TIME;
    private boolean determinismGuard = true;
    private Duration resultTimeout = DEFAULT_RESULT_TIMEOUT;

    private Builder() {}

    /** The virtual time at which the environment starts. */
    public Builder startTime(Instant startTime) {
      this.startTime = Objects.requireNonNull(startTime, "startTime");
      return this;
    }

    /** Whether to load workflow classes through the determinism guard. */
    public Builder determinismGuard(boolean enabled) {
      this.determinismGuard = enabled;
      return this;
    }

    /** The wall-clock bound of {@code result()}; positive. */
    public Builder resultTimeout(Duration resultTimeout) {
      Objects.requireNonNull(resultTimeout, "resultTimeout");
      if (resultTimeout.isNegative() || resultTimeout.isZero()) {
        throw new IllegalArgumentException("resultTimeout must be positive, was " + resultTimeout);
      }
      this.resultTimeout = resultTimeout;
      return this;
    }

    /** The options. */
    public TestEnvironmentOptions build() {
      return new TestEnvironmentOptions(this);
    }
  }
}
