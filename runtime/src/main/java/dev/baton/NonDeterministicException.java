package dev.baton;

/**
 * Workflow code did something other than what its recorded history holds: it was changed in a way
 * that breaks runs already in progress. The workflow task fails (and is retried until fixed code is
 * deployed); history is never rewritten. Use {@link Workflows#getVersion} to change code safely.
 */
public final class NonDeterministicException extends BatonException {
  private static final long serialVersionUID = 1L;

  private final long eventId;
  private final String recorded;
  private final String command;

  /**
   * A mismatch at history event {@code eventId}: history holds {@code recorded}, the code now does
   * {@code command}.
   */
  public NonDeterministicException(long eventId, String recorded, String command) {
    super(
        "Non-deterministic workflow code at history event "
            + eventId
            + ": history holds ["
            + recorded
            + "] but the code now does ["
            + command
            + "]. Deploy code that replays the recorded history, or guard the change with"
            + " Workflows.getVersion.");
    this.eventId = eventId;
    this.recorded = recorded;
    this.command = command;
  }

  /** The id of the history event the code disagrees with. */
  public long eventId() {
    return eventId;
  }

  /** What history holds at that event. */
  public String recorded() {
    return recorded;
  }

  /** What the code did instead. */
  public String command() {
    return command;
  }
}
