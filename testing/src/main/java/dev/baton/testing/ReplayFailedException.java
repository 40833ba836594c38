package dev.baton.testing;

import org.jspecify.annotations.Nullable;

/**
 * Today's workflow code does not replay a recorded history: a change would break runs recorded like
 * it. The message names the history, the event id, what history holds there and what the code now
 * does.
 */
public final class ReplayFailedException extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final String history;
  private final long eventId;
  private final String recorded;
  private final String command;

  /**
   * A mismatch in {@code history} (a file name or workflow id) at {@code eventId}: history holds
   * {@code recorded}, the code now does {@code command}.
   */
  public ReplayFailedException(
      String history, long eventId, String recorded, String command, @Nullable Throwable cause) {
    super(
        "History "
            + history
            + " does not replay with today's code, at event "
            + eventId
            + ":\n  history holds:     "
            + recorded
            + "\n  the code now does: "
            + command,
        cause);
    this.history = history;
    this.eventId = eventId;
    this.recorded = recorded;
    this.command = command;
  }

  /** The history that failed: its file name, or its workflow id. */
  public String history() {
    return history;
  }

  /** The id of the first event the code disagrees with; 0 when the code failed before any. */
  public long eventId() {
    return eventId;
  }

  /** What history holds at {@link #eventId()}. */
  public String recorded() {
    return recorded;
  }

  /** What the code does instead. */
  public String command() {
    return command;
  }
}
