package dev.baton.internal.store;

import org.jspecify.annotations.Nullable;

/**
 * A workflow task this worker holds a lease on.
 *
 * @param runId the run
 * @param workflowId the workflow id
 * @param workflowType the workflow type name
 * @param leaseToken the token its commit must present
 * @param attempt 1 unless earlier attempts failed or timed out
 * @param startedAt when it was claimed (epoch milliseconds): the task's time
 * @param tail the events the commit that leased the task appended, when that commit was an activity
 *     completion in this worker; {@code null} for a claimed task
 */
public record ClaimedWorkflowTask(
    String runId,
    String workflowId,
    String workflowType,
    String leaseToken,
    int attempt,
    long startedAt,
    @Nullable HistoryTail tail) {
  /** A task claimed from the queue. */
  public ClaimedWorkflowTask(
      String runId,
      String workflowId,
      String workflowType,
      String leaseToken,
      int attempt,
      long startedAt) {
    this(runId, workflowId, workflowType, leaseToken, attempt, startedAt, null);
  }

  /** This task with the events its leasing commit appended. */
  ClaimedWorkflowTask withTail(HistoryTail appended) {
    return new ClaimedWorkflowTask(
        runId, workflowId, workflowType, leaseToken, attempt, startedAt, appended);
  }
}
