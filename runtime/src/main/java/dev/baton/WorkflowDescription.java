package dev.baton;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What one run is doing.
 *
 * @param workflowId the workflow id
 * @param runId the run id
 * @param workflowType the workflow type name
 * @param taskQueue the run's task queue
 * @param status the run's status
 * @param startTime when the run started
 * @param closeTime when the run closed, or {@code null}
 * @param historyLength the number of events in its history
 * @param pendingWorkflowTask the pending workflow task, or {@code null} when there is none
 */
public record WorkflowDescription(
    String workflowId,
    String runId,
    String workflowType,
    String taskQueue,
    WorkflowStatus status,
    Instant startTime,
    @Nullable Instant closeTime,
    long historyLength,
    @Nullable PendingWorkflowTask pendingWorkflowTask) {

  /**
   * A workflow task that is waiting for, or held by, a worker.
   *
   * @param attempt 1 for the first attempt; more when earlier attempts failed or timed out
   * @param started whether a worker currently holds it
   * @param lastFailure why the previous attempt failed (such as a non-determinism error), or {@code
   *     null}
   */
  public record PendingWorkflowTask(int attempt, boolean started, @Nullable String lastFailure) {}
}
