package dev.baton.internal.history;

import dev.baton.ActivityFailure;
import dev.baton.ApplicationFailure;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.jspecify.annotations.Nullable;

/**
 * A failure as stored: type name, message, stack trace, details and whether it may be retried.
 * Failures cross processes in this form, never as Java classes.
 *
 * @param type the type name: an {@link ApplicationFailure}'s type or an exception's class name
 * @param message the message
 * @param stackTrace where it was first thrown
 * @param detailsJson details as JSON, or {@code null}
 * @param nonRetryable whether retry policies must not retry it
 */
public record FailureData(
    String type,
    String message,
    @Nullable String stackTrace,
    @Nullable String detailsJson,
    boolean nonRetryable) {

  private static final int MAX_STACK_CHARS = 16_000;

  /** Describes any throwable; {@link ApplicationFailure}s keep their type, details and flag. */
  public static FailureData of(Throwable failure) {
    if (failure instanceof ActivityFailure activityFailure) {
      failure = activityFailure.getCause();
    }
    if (failure instanceof ApplicationFailure app) {
      String stack = app.originalStackTrace() != null ? app.originalStackTrace() : stackTrace(app);
      return new FailureData(
          app.type(), app.originalMessage(), stack, app.detailsJson(), app.isNonRetryable());
    }
    String message = failure.getMessage() != null ? failure.getMessage() : failure.toString();
    return new FailureData(failure.getClass().getName(), message, stackTrace(failure), null, false);
  }

  /** The failure as an {@link ApplicationFailure}, for workflow code or a result waiter. */
  public ApplicationFailure toApplicationFailure() {
    return ApplicationFailure.fromData(type, message, detailsJson, nonRetryable, stackTrace);
  }

  private static String stackTrace(Throwable failure) {
    StringWriter out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    String text = out.toString();
    return text.length() <= MAX_STACK_CHARS ? text : text.substring(0, MAX_STACK_CHARS) + "\n\t...";
  }
}
