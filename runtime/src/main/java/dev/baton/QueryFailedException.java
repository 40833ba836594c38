package dev.baton;

import org.jspecify.annotations.Nullable;

/**
 * A query did not produce an answer: the query method threw (the message carries its failure), or
 * no worker with the workflow's type registered answered in time.
 */
public final class QueryFailedException extends BatonException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public QueryFailedException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public QueryFailedException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
