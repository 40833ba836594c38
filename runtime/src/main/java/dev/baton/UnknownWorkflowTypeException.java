package dev.baton;

import org.jspecify.annotations.Nullable;

/** A start named a workflow type that no worker has registered in this database. */
public final class UnknownWorkflowTypeException extends BatonException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public UnknownWorkflowTypeException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public UnknownWorkflowTypeException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
