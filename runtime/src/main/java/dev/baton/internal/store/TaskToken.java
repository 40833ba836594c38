package dev.baton.internal.store;

/**
 * Identifies one attempt's lease on an activity task: the run, the activity's sequence number and
 * the lease token. Its text form is what {@code ActivityContext.taskToken()} returns.
 *
 * @param runId the run
 * @param seq the activity's sequence number in the run
 * @param leaseToken the lease token of the attempt
 */
public record TaskToken(String runId, int seq, String leaseToken) {
  private static final String PREFIX = "bt1:";

  /** Parses the text form. */
  public static TaskToken parse(String text) {
    String[] parts =
        text.startsWith(PREFIX) ? text.substring(PREFIX.length()).split(":") : new String[0];
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "Not a Baton task token: '" + text + "'. Pass the value of ActivityContext.taskToken().");
    }
    try {
      return new TaskToken(parts[0], Integer.parseInt(parts[1]), parts[2]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not a Baton task token: '" + text + "'", e);
    }
  }

  /** The text form. */
  public String text() {
    return PREFIX + runId + ":" + seq + ":" + leaseToken;
  }
}
