package dev.baton;

/**
 * Thrown in a parent workflow when a child workflow failed, was terminated, or could not start (its
 * id is in use by a running run, or no worker registered its type). {@link #getCause()} is the
 * child's {@link ApplicationFailure}: for a child that failed, the failure it threw, with its type
 * name, message and details. Uncaught, it fails the parent's run.
 */
public final class ChildWorkflowFailure extends WorkflowFailure {
  private static final long serialVersionUID = 1L;

  private final String workflowType;
  private final String workflowId;

  /** A child workflow failure; {@code cause} is what the child failed with. */
  public ChildWorkflowFailure(String workflowType, String workflowId, ApplicationFailure cause) {
    super(
        "Child workflow " + workflowType + " (" + workflowId + ") failed: " + cause.getMessage(),
        cause);
    this.workflowType = workflowType;
    this.workflowId = workflowId;
  }

  /** The child's workflow type name. */
  public String workflowType() {
    return workflowType;
  }

  /** The child's workflow id. */
  public String workflowId() {
    return workflowId;
  }

  @Override
  public synchronized ApplicationFailure getCause() {
    return (ApplicationFailure) super.getCause();
  }
}
