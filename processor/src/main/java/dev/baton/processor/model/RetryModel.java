package dev.baton.processor.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The members of a {@code @Retry} that differ from their defaults; the rest are absent.
 *
 * @param initialInterval ISO-8601 duration
 * @param backoffCoefficient at least 1.0
 * @param maximumInterval ISO-8601 duration
 * @param maximumAttempts 0 or more
 * @param doNotRetry failure type names, empty when unset
 */
public record RetryModel(
    Optional<String> initialInterval,
    OptionalDouble backoffCoefficient,
    Optional<String> maximumInterval,
    OptionalInt maximumAttempts,
    List<String> doNotRetry) {

  /** Copies the list. */
  public RetryModel {
    doNotRetry = List.copyOf(doNotRetry);
  }
}
