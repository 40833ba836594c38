package dev.baton.internal.activity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.internal.store.ClaimedActivityTask;
import dev.baton.internal.store.ClaimedWorkflowTask;
import dev.baton.internal.store.EagerWorkflowTask;
import org.jspecify.annotations.Nullable;

/**
 * Lets an activity's completion go with its run's next workflow task when this worker holds the
 * run: the task runs before the commit and commits with the completion, or is leased to this worker
 * in the completion's commit and runs after it.
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

        @Override
        public Combined completeWithWorkflowTask(ClaimedActivityTask task, JsonNode result) {
          return Combined.NOT_RECORDED;
        }
      };

  /**
   * What {@link #completeWithWorkflowTask} did: whether it recorded the completion, and the
   * activity the commit leased to this worker that the calling activity thread runs next, in its
   * own slot ({@code null} when none).
   */
  record Combined(boolean recorded, @Nullable ClaimedActivityTask runNext) {
    /** Nothing recorded: the caller records the completion alone. */
    public static final Combined NOT_RECORDED = new Combined(false, null);

    /** Recorded, with nothing for the calling thread to run next. */
    public static final Combined RECORDED = new Combined(true, null);
  }

  /**
   * Sets a workflow slot aside for the next task of {@code runId} and returns what the completion
   * should ask for, or returns {@code null} when this worker does not hold the run or has no slot.
   */
  @Nullable EagerWorkflowTask reserve(String runId);

  /** Works {@code task}, which the completion leased to this worker, in the slot set aside. */
  void run(ClaimedWorkflowTask task);

  /** Gives back the slot set aside: the completion leased no task. */
  void cancel();

  /**
   * Records the completion of {@code task} together with the workflow task that runs {@code
   * result}, in one commit, when this worker holds the run; returns {@link Combined#NOT_RECORDED},
   * having recorded nothing, when it cannot.
   *
   * @throws dev.baton.ActivityLeaseLostException if the task's lease is no longer valid
   */
  Combined completeWithWorkflowTask(ClaimedActivityTask task, JsonNode result);
}
