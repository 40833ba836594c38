package dev.baton;

import org.jspecify.annotations.Nullable;

/** No run exists for the given workflow id. */
public final class WorkflowNotFoundException extends BatonException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public WorkflowNotFoundException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public WorkflowNotFoundException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
