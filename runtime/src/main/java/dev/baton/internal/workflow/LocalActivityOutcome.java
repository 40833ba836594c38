package dev.baton.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.internal.history.FailureData;
import org.jspecify.annotations.Nullable;

/**
 * How the worker's run of a local activity ended: a result, a failure for good, or a failure to
 * retry after a durable timer of {@code retryAfterMillis}.
 *
 * @param seq the activity's sequence number in the run
 * @param attempt the last attempt made
 * @param result the encoded result, when the attempt succeeded
 * @param failure the last attempt's failure, when it failed
 * @param retryAfterMillis when positive, the wait before the next attempt, too long to spend in the
 *     worker
 */
public record LocalActivityOutcome(
    int seq,
    int attempt,
    @Nullable JsonNode result,
    @Nullable FailureData failure,
    long retryAfterMillis) {

  /** A successful attempt. */
  public static LocalActivityOutcome succeeded(int seq, int attempt, JsonNode result) {
    return new LocalActivityOutcome(seq, attempt, result, null, 0);
  }

  /** A failure for good. */
  public static LocalActivityOutcome failed(int seq, int attempt, FailureData failure) {
    return new LocalActivityOutcome(seq, attempt, null, failure, 0);
  }

  /** A failure to retry after a durable timer. */
  public static LocalActivityOutcome retryLater(
      int seq, int attempt, FailureData failure, long retryAfterMillis) {
    return new LocalActivityOutcome(seq, attempt, null, failure, retryAfterMillis);
  }
}
