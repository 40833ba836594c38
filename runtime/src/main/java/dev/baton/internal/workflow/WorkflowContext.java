package dev.baton.internal.workflow;

import dev.baton.ActivityOptions;
import dev.baton.ActivityType;
import dev.baton.Promise;
import java.time.Instant;

/** The running workflow's side of the {@code Workflow} API, bound to the workflow's threads. */
public interface WorkflowContext {
  /**
   * The context of the workflow code running on this thread.
   *
   * @throws IllegalStateException outside workflow code
   */
  static WorkflowContext current() {
    DeterministicScheduler.Branch branch = DeterministicScheduler.currentBranch();
    if (branch == null) {
      throw new IllegalStateException(
          "This Workflow method may only be called from workflow code, on the thread Baton runs"
              + " the workflow on");
    }
    return branch.scheduler().owner();
  }

  /** Schedules an activity. */
  <R> Promise<R> executeActivity(ActivityType<R> type, ActivityOptions options, Object[] arguments);

  /** The workflow's current time. */
  Instant currentTime();

  /** Whether the code is replaying. */
  boolean isReplaying();
}
