package dev.baton;

import org.jspecify.annotations.Nullable;

/**
 * A failure that, thrown out of workflow code, fails the <em>run</em> (it is recorded in history
 * and returned to whoever waits for the result). Any other exception fails only the workflow task,
 * which is retried until fixed code is deployed.
 */
public abstract class WorkflowFailure extends BatonException {
  private static final long serialVersionUID = 1L;

  /** A failure with a message and an optional cause. */
  protected WorkflowFailure(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
