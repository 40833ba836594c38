package dev.baton;

/**
 * Thrown in workflow code when the cancellation scope it runs in was cancelled — because someone
 * asked to cancel the run ({@link Baton#cancel(String)}, a parent, another workflow) or the code
 * cancelled a {@link CancellationScope} itself — at the point where it waits for a timer, an
 * activity, a child or a condition. Catch it to clean up (in a {@link
 * Workflows#newDetachedCancellationScope detached scope}); let it escape the workflow method and
 * the run ends as cancelled.
 */
public final class CanceledFailure extends WorkflowFailure {
  private static final long serialVersionUID = 1L;

  /** A cancellation with a message saying what was cancelled. */
  public CanceledFailure(String message) {
    super(message, null);
  }
}
