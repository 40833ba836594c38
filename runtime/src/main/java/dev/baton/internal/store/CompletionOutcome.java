package dev.baton.internal.store;

/** How a workflow task commit ended. */
public enum CompletionOutcome {
  /** The commands were recorded and no new events had arrived. */
  COMPLETED,
  /** The commands were recorded; events had arrived meanwhile, so a new task was scheduled. */
  COMPLETED_WITH_NEW_TASK,
  /** The commands closed the run. */
  CLOSED,
  /**
   * Events arrived while the task ran and the commands would have closed the run: nothing was
   * recorded and the task was scheduled again, so no event (such as a signal) is dropped.
   */
  REJECTED_NEW_EVENTS,
  /** The lease was no longer valid (it expired and another worker may hold the task). */
  LEASE_LOST,
  /**
   * A retry found that the first attempt of this commit, whose outcome was unknown (the connection
   * broke), had committed.
   */
  ALREADY_COMMITTED
}
