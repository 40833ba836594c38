package dev.baton;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one run is doing: its status and times, every step it took (activities, local activities,
 * timers, children) with its state as a console would show it, what is pending, and, when it is not
 * progressing, why.
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
 * @param steps every activity, local activity, timer and child of the run, in the order started
 * @param pendingActivities the activities not yet ended, with their attempts and last failures
 * @param stuckReason why the run is not progressing (its workflow task keeps failing, or no worker
 *     takes it), or {@code null}
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
    @Nullable PendingWorkflowTask pendingWorkflowTask,
    List<Step> steps,
    List<PendingActivity> pendingActivities,
    @Nullable String stuckReason) {

  /** Copies the lists. */
  public WorkflowDescription {
    steps = List.copyOf(steps);
    pendingActivities = List.copyOf(pendingActivities);
  }

  /**
   * A workflow task that is waiting for, or held by, a worker.
   *
   * @param attempt 1 for the first attempt; more when earlier attempts failed or timed out
   * @param started whether a worker currently holds it
   * @param lastFailure why the previous attempt failed (such as a non-determinism error), or {@code
   *     null}
   */
  public record PendingWorkflowTask(int attempt, boolean started, @Nullable String lastFailure) {}

  /** The state of a step, as the Step Functions console shows it. */
  public enum StepState {
    /** Scheduled or running. */
    IN_PROGRESS,
    /** Ended with a result (a timer that fired). */
    SUCCEEDED,
    /** Ended with a failure (for a child: failed, terminated, or could not start). */
    FAILED,
    /** Cancelled by the workflow. */
    CANCELLED,
    /** Ended by a timeout. */
    TIMED_OUT
  }

  /** What kind of step. */
  public enum StepKind {
    /** An activity task. */
    ACTIVITY,
    /** A local activity, run inside a workflow task. */
    LOCAL_ACTIVITY,
    /** A durable timer. */
    TIMER,
    /** A child workflow. */
    CHILD_WORKFLOW
  }

  /**
   * One step of the run.
   *
   * @param kind what kind of step
   * @param id its sequence number in the run (the activity id of an activity)
   * @param name the activity type, the timer's duration, or the child's type and workflow id
   * @param state its state
   * @param started when it was started
   * @param ended when it ended, or {@code null}
   */
  public record Step(
      StepKind kind,
      int id,
      String name,
      StepState state,
      Instant started,
      @Nullable Instant ended) {}

  /**
   * An activity that has not ended.
   *
   * @param activityId its id (sequence number) in the run
   * @param activityType its type
   * @param running whether a worker holds it now
   * @param attempt its current attempt
   * @param lastFailure the failure of its previous attempt, or {@code null}
   * @param nextAttemptTime when a waiting attempt becomes available to workers
   */
  public record PendingActivity(
      int activityId,
      String activityType,
      boolean running,
      int attempt,
      @Nullable String lastFailure,
      Instant nextAttemptTime) {}
}
