package dev.baton;

/**
 * The result of an asynchronous call in workflow code, such as an activity started through a stub's
 * {@code async()}. Waiting on a promise is durable: the workflow may be unloaded and resumed on
 * another worker while it waits.
 *
 * @param <T> the value type
 */
public interface Promise<T> {
  /**
   * Waits for the value and returns it, or throws the failure the call ended with (an unchecked
   * {@link WorkflowFailure} such as {@link ActivityFailure}). Only workflow code may call this.
   */
  T get();

  /** Whether the call has ended, with a value or a failure. */
  boolean isCompleted();
}
