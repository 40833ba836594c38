package dev.baton.internal.workflow;

/**
 * Unwinds a workflow thread whose workflow is evicted from the cache or abandoned. It is an {@link
 * Error} so that workflow code catching {@code Exception} does not swallow it; the processor flags
 * {@code catch (Throwable)} in workflow code for the same reason.
 */
public final class DestroyWorkflowThreadError extends Error {
  private static final long serialVersionUID = 1L;

  DestroyWorkflowThreadError() {
    super(
        "This workflow thread was unwound because its workflow left the worker's cache",
        null,
        false,
        false);
  }
}
