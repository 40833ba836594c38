package dev.baton.internal.workflow;

/**
 * The workflow code threw an exception that fails the workflow task, not the run (a bug, to be
 * fixed and redeployed), or Baton could not run it (undecodable input).
 */
public final class WorkflowTaskFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  WorkflowTaskFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
