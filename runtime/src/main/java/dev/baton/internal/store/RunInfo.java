package dev.baton.internal.store;

import dev.baton.WorkflowStatus;
import org.jspecify.annotations.Nullable;

/**
 * A run's row as read.
 *
 * @param runId the run id
 * @param workflowId the workflow id
 * @param workflowType the type name
 * @param taskQueue the task queue
 * @param status its status
 * @param resultJson the result as JSON, when completed
 * @param failureJson the failure as JSON, when failed
 * @param nextEventId the id the next event will get
 * @param startTime start, epoch milliseconds
 * @param closeTime close, epoch milliseconds, or {@code null}
 * @param nextRunId the run that retried this failed one, or {@code null}
 */
public record RunInfo(
    String runId,
    String workflowId,
    String workflowType,
    String taskQueue,
    WorkflowStatus status,
    @Nullable String resultJson,
    @Nullable String failureJson,
    long nextEventId,
    long startTime,
    @Nullable Long closeTime,
    @Nullable String nextRunId) {}
