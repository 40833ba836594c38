package dev.baton.internal.workflow;

/**
 * Runs the local activities of one workflow task, on the worker that holds the task. {@link
 * #next()} is called by the task's own thread only.
 */
public interface LocalActivities {
  /** For instances that must not run local activities, such as one answering a query. */
  LocalActivities NONE =
      new LocalActivities() {
        @Override
        public boolean isRegistered(String activityType) {
          return false;
        }

        @Override
        public void start(LocalActivityRequest request) {
          throw new IllegalStateException("Local activities cannot run here");
        }

        @Override
        public LocalActivityOutcome next() {
          throw new IllegalStateException("Local activities cannot run here");
        }
      };

  /** Whether this worker has an implementation of {@code activityType}. */
  boolean isRegistered(String activityType);

  /** Starts running {@code request} in the background. */
  void start(LocalActivityRequest request);

  /** Waits for the next started local activity to end, keeping the workflow task's lease. */
  LocalActivityOutcome next();
}
