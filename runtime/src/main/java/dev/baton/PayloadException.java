package dev.baton;

import org.jspecify.annotations.Nullable;

/**
 * A value could not be serialised, could not be read back as its declared type, or is larger than
 * the payload limit.
 */
public final class PayloadException extends BatonException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public PayloadException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public PayloadException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
