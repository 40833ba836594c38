package dev.baton;

import org.jspecify.annotations.Nullable;

/** A wait for a workflow's result ended before the run closed. The run goes on. */
public final class ResultTimeoutException extends BatonException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public ResultTimeoutException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public ResultTimeoutException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
