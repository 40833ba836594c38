package dev.baton.internal.store;

/**
 * A workflow task this worker holds a lease on.
 *
 * @param runId the run
 * @param workflowId the workflow id
 * @param workflowType the workflow type name
 * @param leaseToken the token its commit must present
 * @param attempt 1 unless earlier attempts failed or timed out
 * @param startedAt when it was claimed (epoch milliseconds): the task's time
 */
public record ClaimedWorkflowTask(
    String runId,
    String workflowId,
    String workflowType,
    String leaseToken,
    int attempt,
    long startedAt) {}
