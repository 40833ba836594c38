package dev.baton;

import org.jspecify.annotations.Nullable;

/**
 * An activity completion or heartbeat came from a worker whose lease on the task is no longer
 * valid: the task timed out, was retried, or was completed by another worker. Nothing was recorded.
 */
public final class ActivityLeaseLostException extends BatonException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public ActivityLeaseLostException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public ActivityLeaseLostException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
