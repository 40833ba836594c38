package dev.baton;

/** The status of a workflow run. */
public enum WorkflowStatus {
  /** The run has not closed yet. */
  RUNNING,
  /** The workflow method returned. */
  COMPLETED,
  /** The workflow method threw a {@link WorkflowFailure}. */
  FAILED,
  /** The run was cancelled. */
  CANCELLED,
  /** The run was terminated. */
  TERMINATED,
  /** The run exceeded its execution timeout. */
  TIMED_OUT,
  /** The run continued as a new run. */
  CONTINUED_AS_NEW;

  /** Whether the run has closed. */
  public boolean isClosed() {
    return this != RUNNING;
  }
}
