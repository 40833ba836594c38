package dev.baton;

import java.time.Instant;

/**
 * What a running workflow knows about itself ({@link Workflows#getInfo()}).
 *
 * @param workflowId the workflow id
 * @param runId the run id
 * @param workflowType the workflow type name
 * @param taskQueue the run's task queue
 * @param attempt the attempt of the current workflow task (more than 1 after failed attempts)
 * @param startTime when the run started
 * @param runAttempt the run's attempt under the workflow retry policy: 1, or more for a run that
 *     retries failed ones
 */
public record WorkflowInfo(
    String workflowId,
    String runId,
    String workflowType,
    String taskQueue,
    int attempt,
    Instant startTime,
    int runAttempt) {}
