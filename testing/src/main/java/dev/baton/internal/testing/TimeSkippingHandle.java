package dev.baton.internal.testing;

import dev.baton.ResultTimeoutException;
import dev.baton.WorkflowHandle;
import dev.baton.WorkflowStatus;
import java.time.Duration;
import java.util.Objects;

/**
 * A handle whose {@code result} runs the test environment's virtual time until the run closes; its
 * timeout counts wall-clock time, so a run that sleeps for a month still ends within it.
 */
final class TimeSkippingHandle<R> implements WorkflowHandle<R> {
  private final WorkflowHandle<R> delegate;
  private final TimeSkipper skipper;
  private final Duration defaultTimeout;

  TimeSkippingHandle(WorkflowHandle<R> delegate, TimeSkipper skipper, Duration defaultTimeout) {
    this.delegate = delegate;
    this.skipper = skipper;
    this.defaultTimeout = defaultTimeout;
  }

  @Override
  public String workflowId() {
    return delegate.workflowId();
  }

  @Override
  public String runId() {
    return delegate.runId();
  }

  @Override
  public void cancel() {
    delegate.cancel();
  }

  @Override
  public void terminate(String reason) {
    delegate.terminate(reason);
  }

  @Override
  public WorkflowStatus status() {
    return delegate.status();
  }

  /** Waits, skipping virtual time, up to the environment's result timeout of wall-clock time. */
  @Override
  public R result() {
    return result(defaultTimeout);
  }

  @Override
  public R result(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("The timeout must not be negative: " + timeout);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    // Follows continued and retried runs as the delegate does: done when it has an outcome.
    boolean closed = skipper.runUntil(this::hasOutcome, deadline);
    if (!closed) {
      String pending = skipper.lastPending();
      throw new ResultTimeoutException(
          "Workflow "
              + workflowId()
              + " has not closed within "
              + timeout
              + " of wall-clock time although virtual time was skipped whenever nothing could run: "
              + (pending.isEmpty()
                  ? "it waits for something only the test can do (a signal, a task token)"
                  : pending));
    }
    return delegate.result(Duration.ZERO);
  }

  private boolean hasOutcome() {
    try {
      delegate.result(Duration.ZERO);
      return true;
    } catch (ResultTimeoutException e) {
      return false;
    } catch (RuntimeException e) {
      return true; // failed, cancelled, ...: result() rethrows it
    }
  }
}
