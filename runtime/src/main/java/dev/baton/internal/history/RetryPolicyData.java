package dev.baton.internal.history;

import dev.baton.RetryOptions;
import java.time.Duration;
import java.util.List;

/**
 * A retry policy as stored with an activity task.
 *
 * @param initialIntervalMillis wait before the second attempt
 * @param backoffCoefficient growth factor of the wait
 * @param maximumIntervalMillis longest wait
 * @param maximumAttempts most attempts, 0 for unlimited
 * @param doNotRetry failure types never retried
 */
public record RetryPolicyData(
    long initialIntervalMillis,
    double backoffCoefficient,
    long maximumIntervalMillis,
    int maximumAttempts,
    List<String> doNotRetry) {

  /** The stored form of {@code options}. */
  public static RetryPolicyData of(RetryOptions options) {
    return new RetryPolicyData(
        options.initialInterval().toMillis(),
        options.backoffCoefficient(),
        options.maximumInterval().toMillis(),
        options.maximumAttempts(),
        options.doNotRetry());
  }

  /** The wait after failed attempt {@code attempt} (1-based). */
  public long backoffMillisAfter(int attempt) {
    double millis = initialIntervalMillis * Math.pow(backoffCoefficient, attempt - 1);
    return (long) Math.max(0, Math.min(millis, maximumIntervalMillis));
  }

  /**
   * Whether another attempt may follow attempt {@code attempt} that failed with {@code failure}.
   */
  public boolean allowsRetry(int attempt, FailureData failure) {
    if (failure.nonRetryable() || doNotRetry.contains(failure.type())) {
      return false;
    }
    return maximumAttempts == 0 || attempt < maximumAttempts;
  }

  /** The wait as a duration. */
  public Duration backoffAfter(int attempt) {
    return Duration.ofMillis(backoffMillisAfter(attempt));
  }
}
