package dev.baton;

import org.jspecify.annotations.Nullable;

/** A start named a workflow id that already has a running run. */
public final class WorkflowAlreadyStartedException extends BatonException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public WorkflowAlreadyStartedException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public WorkflowAlreadyStartedException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
