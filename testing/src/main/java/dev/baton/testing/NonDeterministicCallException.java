package dev.baton.testing;

/**
 * Thrown in place of a call that makes workflow code non-deterministic (such as {@code
 * System.currentTimeMillis()} or {@code new Random()}), by the determinism guard of a {@link
 * TestWorkflowEnvironment}. Its message names the call, where it was made and the deterministic
 * replacement.
 */
public final class NonDeterministicCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A violation described by {@code message}. */
  public NonDeterministicCallException(String message) {
    super(message);
  }
}
