package dev.baton.internal.activity;

import dev.baton.internal.store.ClaimedWorkflowTask;
import dev.baton.internal.store.EagerWorkflowTask;
import org.jspecify.annotations.Nullable;

/**
 * Lets an activity's completion lease its run's next workflow task to this worker in the same
 * commit, when the worker holds the run and can work the task at once.
 */
public interface NextWorkflowTask {
  /** Never leases: the next workflow task waits in its queue for a claim. */
  NextWorkflowTask NONE =
      new NextWorkflowTask() {
        @Override
        public @Nullable EagerWorkflowTask reserve(String runId) {
          return null;
        }

        @Override
        public void run(ClaimedWorkflowTask task) {
          throw new IllegalStateException("nothing was reserved");
        }

        @Override
        public void cancel() {}
      };

  /**
   * Sets a workflow slot aside for the next task of {@code runId} and returns what the completion
   * should ask for, or returns {@code null} when this worker does not hold the run or has no slot.
   */
  @Nullable EagerWorkflowTask reserve(String runId);

  /** Works {@code task}, which the completion leased to this worker, in the slot set aside. */
  void run(ClaimedWorkflowTask task);

  /** Gives back the slot set aside: the completion leased no task. */
  void cancel();
}
