package dev.baton.internal.activity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.ActivityDispatcher;
import dev.baton.ActivityType;
import dev.baton.internal.history.FailureData;
import dev.baton.internal.json.PayloadConverter;
import dev.baton.internal.workflow.LocalActivityOutcome;
import dev.baton.internal.workflow.LocalActivityRequest;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a local activity's attempts in the worker: each attempt on its own thread, bounded by its
 * start-to-close timeout, and retries by the policy while the wait before the next attempt is at
 * most the local retry threshold and the schedule-to-close timeout allows it.
 */
public final class LocalActivityExecutor {
  private static final Logger log = LoggerFactory.getLogger(LocalActivityExecutor.class);

  private final PayloadConverter converter;
  private final ExecutorService attemptThreads;

  /** An executor that runs attempts on {@code attemptThreads}. */
  public LocalActivityExecutor(PayloadConverter converter, ExecutorService attemptThreads) {
    this.converter = converter;
    this.attemptThreads = attemptThreads;
  }

  /**
   * Runs {@code request}'s attempts with {@code dispatcher} on {@code implementation} until one
   * succeeds, the policy stops, or the next wait is long enough for a durable timer.
   *
   * @throws InterruptedException if the workflow task gave up on the activity
   */
  public LocalActivityOutcome run(
      LocalActivityRequest request,
      ActivityType<?> type,
      ActivityDispatcher<Object> dispatcher,
      Object implementation)
      throws InterruptedException {
    long started = System.nanoTime();
    int attempt = request.attempt();
    while (true) {
      long remaining = remainingMillis(request, started);
      if (remaining <= 0) {
        return LocalActivityOutcome.failed(
            request.seq(), Math.max(1, attempt - 1), timeout(request, "SCHEDULE_TO_CLOSE"));
      }
      long timeout = Math.min(request.startToCloseMillis(), remaining);
      int current = attempt;
      Future<JsonNode> future =
          attemptThreads.submit(
              () -> runAttempt(request, current, type, dispatcher, implementation));
      FailureData failure;
      try {
        return LocalActivityOutcome.succeeded(
            request.seq(), attempt, future.get(timeout, TimeUnit.MILLISECONDS));
      } catch (ExecutionException e) {
        failure = FailureData.of(e.getCause());
      } catch (TimeoutException e) {
        future.cancel(true);
        boolean whole = timeout < request.startToCloseMillis();
        failure = timeout(request, whole ? "SCHEDULE_TO_CLOSE" : "START_TO_CLOSE");
      } catch (InterruptedException | CancellationException e) {
        future.cancel(true);
        throw new InterruptedException("Local activity " + request.activityType() + " abandoned");
      }
      log.debug(
          "Local activity {} attempt {} failed: {}",
          request.activityType(),
          attempt,
          failure.message());
      if (!request.retry().allowsRetry(attempt, failure)) {
        return LocalActivityOutcome.failed(request.seq(), attempt, failure);
      }
      long backoff = request.retry().backoffMillisAfter(attempt);
      if (backoff >= remainingMillis(request, started)) {
        return LocalActivityOutcome.failed(request.seq(), attempt, failure);
      }
      if (backoff > request.localRetryThresholdMillis()) {
        return LocalActivityOutcome.retryLater(request.seq(), attempt, failure, backoff);
      }
      Thread.sleep(backoff);
      attempt++;
    }
  }

  private static long remainingMillis(LocalActivityRequest request, long startedNanos) {
    if (request.remainingMillis() == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    return request.remainingMillis()
        - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }

  private static FailureData timeout(LocalActivityRequest request, String which) {
    boolean whole = which.equals("SCHEDULE_TO_CLOSE");
    Duration limit =
        Duration.ofMillis(whole ? request.remainingMillis() : request.startToCloseMillis());
    return new FailureData(
        "TimeoutFailure",
        "Local activity " + request.activityType() + " timed out (" + which + ", " + limit + ")",
        null,
        null,
        whole);
  }

  private JsonNode runAttempt(
      LocalActivityRequest request,
      int attempt,
      ActivityType<?> type,
      ActivityDispatcher<Object> dispatcher,
      Object implementation)
      throws Exception {
    ActivityContextHolder.set(new LocalActivityContext(request, attempt));
    try {
      Object[] arguments =
          converter.decodeArguments(
              "input of local activity " + type.name(), type.parameterTypes(), request.input());
      Object value = dispatcher.execute(implementation, request.activityType(), arguments);
      return converter.encodeChecked("result of local activity " + type.name(), value);
    } finally {
      ActivityContextHolder.clear();
    }
  }
}
