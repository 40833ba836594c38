package dev.baton;

/**
 * Thrown by {@link WorkflowHandle#result()} when the run ended in failure. {@link #getCause()} is
 * the failure recorded in history, as an {@link ApplicationFailure}.
 */
public final class WorkflowFailedException extends BatonException {
  private static final long serialVersionUID = 1L;

  private final String workflowId;
  private final String runId;

  /** A failed-run exception for the given run. */
  public WorkflowFailedException(String workflowId, String runId, ApplicationFailure cause) {
    super("Workflow " + workflowId + " (run " + runId + ") failed: " + cause.getMessage(), cause);
    this.workflowId = workflowId;
    this.runId = runId;
  }

  /** The workflow id. */
  public String workflowId() {
    return workflowId;
  }

  /** The run id. */
  public String runId() {
    return runId;
  }

  @Override
  public synchronized ApplicationFailure getCause() {
    return (ApplicationFailure) super.getCause();
  }
}
