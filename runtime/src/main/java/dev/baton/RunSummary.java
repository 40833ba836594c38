package dev.baton;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One run, as {@link Baton#listRuns(RunFilter)} lists it.
 *
 * @param workflowId the workflow id
 * @param runId the run id
 * @param workflowType the workflow type name
 * @param taskQueue the run's task queue
 * @param status the run's status
 * @param startTime when it started
 * @param closeTime when it closed, or {@code null}
 */
public record RunSummary(
    String workflowId,
    String runId,
    String workflowType,
    String taskQueue,
    WorkflowStatus status,
    Instant startTime,
    @Nullable Instant closeTime) {}
