package dev.baton;

/**
 * Thrown in workflow code when an activity has failed for good: its retries are exhausted, its
 * failure was non-retryable, or it timed out. {@link #getCause()} is the last attempt's {@link
 * ApplicationFailure}. Uncaught, it fails the workflow run.
 */
public final class ActivityFailure extends WorkflowFailure {
  private static final long serialVersionUID = 1L;

  private final String activityType;
  private final int attempt;

  /** An activity failure; {@code cause} is the last attempt's failure. */
  public ActivityFailure(String activityType, int attempt, ApplicationFailure cause) {
    super(
        "Activity "
            + activityType
            + " failed after "
            + attempt
            + " attempt(s): "
            + cause.getMessage(),
        cause);
    this.activityType = activityType;
    this.attempt = attempt;
  }

  /** The activity type name. */
  public String activityType() {
    return activityType;
  }

  /** The number of the last attempt. */
  public int attempt() {
    return attempt;
  }

  @Override
  public synchronized ApplicationFailure getCause() {
    return (ApplicationFailure) super.getCause();
  }
}
