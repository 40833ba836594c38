package dev.baton.internal.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.baton.ResultTimeoutException;
import dev.baton.WorkflowFailedException;
import dev.baton.WorkflowHandle;
import dev.baton.WorkflowStatus;
import dev.baton.WorkflowType;
import dev.baton.internal.Services;
import dev.baton.internal.Wakeup;
import dev.baton.internal.history.Event;
import dev.baton.internal.json.Json;
import dev.baton.internal.store.RunInfo;
import java.time.Duration;

/**
 * A handle on one run, and on the runs that retry it under a workflow retry policy: waits for the
 * last one's result with in-process wake-ups and polling.
 */
final class WorkflowHandleImpl<R> implements WorkflowHandle<R> {
  private static final long MAX_POLL_MILLIS = 500;

  private final Services services;
  private final WorkflowType<R> type;
  private final String workflowId;
  private final String runId;

  WorkflowHandleImpl(Services services, WorkflowType<R> type, String workflowId, String runId) {
    this.services = services;
    this.type = type;
    this.workflowId = workflowId;
    this.runId = runId;
  }

  @Override
  public String workflowId() {
    return workflowId;
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public void cancel() {
    services.workflows().requestCancel(workflowId, "requested through the client");
    services.wakeups().workflowTasks().signal();
  }

  @Override
  public void terminate(String reason) {
    java.util.Objects.requireNonNull(reason, "reason");
    services.workflows().terminate(workflowId, reason);
    services.wakeups().runsClosed().signal();
    services.wakeups().outbox().signal();
  }

  /** The status of the run, or of the last run that retried it. */
  @Override
  public WorkflowStatus status() {
    return latest().status();
  }

  /** The run, or the last run of the chain of runs that retried it. */
  private RunInfo latest() {
    RunInfo run = read(runId);
    while (run.nextRunId() != null) {
      run = read(run.nextRunId());
    }
    return run;
  }

  @Override
  public R result() {
    return result(Duration.ofDays(366));
  }

  @Override
  public R result(Duration timeout) {
    java.util.Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("The timeout must not be negative: " + timeout);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    Wakeup closed = services.wakeups().runsClosed();
    while (true) {
      long generation = closed.generation();
      RunInfo run = latest();
      if (run.status().isClosed()) {
        return outcome(run);
      }
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        throw new ResultTimeoutException(
            "Workflow "
                + workflowId
                + " (run "
                + runId
                + ") has not closed within "
                + timeout
                + "; it is still "
                + run.status());
      }
      try {
        closed.await(generation, Math.min(left, MAX_POLL_MILLIS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ResultTimeoutException("Interrupted while waiting for workflow " + workflowId, e);
      }
    }
  }

  private RunInfo read(String runId) {
    RunInfo run = services.workflows().findRun(runId);
    if (run == null) {
      throw new IllegalStateException(
          "Run " + runId + " of workflow " + workflowId + " disappeared");
    }
    return run;
  }

  private R outcome(RunInfo run) {
    try {
      switch (run.status()) {
        case COMPLETED -> {
          @SuppressWarnings("unchecked")
          R value =
              (R)
                  services
                      .converter()
                      .decode(
                          "result of workflow " + type.name(),
                          Json.mapper().readTree(run.resultJson()),
                          type.resultType().type());
          return value;
        }
        case FAILED -> {
          Event.WorkflowExecutionFailed failed =
              Json.mapper().readValue(run.failureJson(), Event.WorkflowExecutionFailed.class);
          throw new WorkflowFailedException(
              workflowId, run.runId(), failed.failure().toApplicationFailure());
        }
        default ->
            throw new WorkflowFailedException(
                workflowId,
                run.runId(),
                dev.baton.ApplicationFailure.newNonRetryableFailure(
                    "The run ended as " + run.status(), run.status().name()));
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read the stored outcome of run " + run.runId(), e);
    }
  }

  @Override
  public String toString() {
    return "WorkflowHandle{" + type.name() + " " + workflowId + " run " + runId + "}";
  }
}
