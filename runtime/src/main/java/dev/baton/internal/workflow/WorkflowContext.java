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

  /** Starts a local activity, run by this worker and recorded as a marker. */
  <R> Promise<R> executeLocalActivity(
      ActivityType<R> type, dev.baton.LocalActivityOptions options, Object[] arguments);

  /** Starts a child workflow. */
  <R> Promise<R> executeChildWorkflow(
      dev.baton.WorkflowType<R> type, dev.baton.ChildWorkflowOptions options, Object[] arguments);

  /** Signals another workflow's running run. */
  Promise<Void> signalExternalWorkflow(
      String workflowId, dev.baton.SignalType signal, Object[] arguments);

  /** Asks the running run of another workflow to cancel. */
  Promise<Void> requestCancelExternalWorkflow(String workflowId);

  /** A new cancellation scope inside the current one, or a detached one. */
  dev.baton.CancellationScope newCancellationScope(boolean detached, Runnable body);

  /** The cancellation scope of the calling workflow code. */
  dev.baton.CancellationScope currentScope();

  /** The version of {@code changeId} this run uses; see {@code Workflows.getVersion}. */
  int getVersion(String changeId, int minSupported, int maxSupported);

  /** Ends the run, continuing as a new one with {@code arguments}; never returns. */
  void continueAsNew(Object[] arguments);

  /** Starts a durable timer. */
  Promise<Void> newTimer(java.time.Duration duration);

  /** Waits until {@code condition} holds. */
  void await(java.util.function.BooleanSupplier condition);

  /** Waits until {@code condition} holds or {@code timeout} passes; returns the condition. */
  boolean await(java.time.Duration timeout, java.util.function.BooleanSupplier condition);

  /** Runs {@code body} as a parallel branch of workflow code. */
  <R> Promise<R> async(java.util.function.Supplier<R> body);

  /** Runs {@code body} once and records its result; replays return the recorded result. */
  <R> R sideEffect(dev.baton.TypeRef<R> type, java.util.function.Supplier<R> body);

  /** A random UUID, the same on replay. */
  java.util.UUID randomUUID();

  /** A random generator seeded deterministically. */
  java.util.Random newRandom();

  /** Information about the running workflow. */
  dev.baton.WorkflowInfo info();

  /** The workflow's current time. */
  Instant currentTime();

  /** Whether the code is replaying. */
  boolean isReplaying();
}
