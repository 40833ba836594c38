package dev.baton;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A failure as data, the way failures cross processes: a type name, a message, optional details
 * (JSON), whether it may be retried, and the stack trace where it was first thrown. Activities and
 * workflows throw it to fail with a chosen type; any other exception an activity throws arrives in
 * the workflow as an {@code ApplicationFailure} whose type is the exception's class name. Retry
 * policies match failures by {@link #type()}, never by Java class, so the receiving JVM needs none
 * of the thrower's classes.
 */
public final class ApplicationFailure extends WorkflowFailure {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final String originalMessage;
  private final @Nullable String detailsJson;
  private final boolean nonRetryable;
  private final @Nullable String originalStackTrace;

  private ApplicationFailure(
      String type,
      String message,
      @Nullable String detailsJson,
      boolean nonRetryable,
      @Nullable String originalStackTrace,
      @Nullable Throwable cause) {
    super(
        Objects.requireNonNull(type, "type") + ": " + Objects.requireNonNull(message, "message"),
        cause);
    this.type = type;
    this.originalMessage = message;
    this.detailsJson = detailsJson;
    this.nonRetryable = nonRetryable;
    this.originalStackTrace = originalStackTrace;
  }

  /** A retryable failure of the given type. */
  public static ApplicationFailure newFailure(String message, String type) {
    return new ApplicationFailure(type, message, null, false, null, null);
  }

  /** A failure of the given type that retry policies never retry. */
  public static ApplicationFailure newNonRetryableFailure(String message, String type) {
    return new ApplicationFailure(type, message, null, true, null, null);
  }

  /**
   * A failure rebuilt from stored data. Used by Baton when a failure crosses a process; {@code
   * detailsJson} is a JSON document or {@code null}.
   */
  public static ApplicationFailure fromData(
      String type,
      String message,
      @Nullable String detailsJson,
      boolean nonRetryable,
      @Nullable String originalStackTrace) {
    return new ApplicationFailure(
        type, message, detailsJson, nonRetryable, originalStackTrace, null);
  }

  /** This failure with JSON details attached. */
  public ApplicationFailure withDetailsJson(@Nullable String json) {
    return new ApplicationFailure(
        type, originalMessage, json, nonRetryable, originalStackTrace, getCause());
  }

  /** The failure's type name, such as {@code CardDeclined} or {@code java.io.IOException}. */
  public String type() {
    return type;
  }

  /** The message without the type prefix. */
  public String originalMessage() {
    return originalMessage;
  }

  /** Details as a JSON document, or {@code null}. */
  public @Nullable String detailsJson() {
    return detailsJson;
  }

  /** Whether retry policies must not retry this failure. */
  public boolean isNonRetryable() {
    return nonRetryable;
  }

  /**
   * The stack trace where the failure was first thrown, possibly in another process, or {@code
   * null} when it was created here.
   */
  public @Nullable String originalStackTrace() {
    return originalStackTrace;
  }
}
