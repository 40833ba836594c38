package dev.baton;

/**
 * Thrown by {@link ActivityContext#heartbeat(Object)} (and {@link
 * ActivityCompletionClient#heartbeat}) when the workflow cancelled the activity: stop working and
 * clean up; nothing the attempt returns will be recorded.
 */
public final class ActivityCanceledException extends BatonException {
  private static final long serialVersionUID = 1L;

  /** A cancellation with a message. */
  public ActivityCanceledException(String message) {
    super(message, null);
  }
}
