package dev.baton;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception Baton throws. Unchecked. Catch a subclass for one failure kind; do
 * not extend this class outside Baton.
 */
public class BatonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public BatonException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public BatonException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
