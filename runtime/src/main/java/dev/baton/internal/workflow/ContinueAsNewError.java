package dev.baton.internal.workflow;

/**
 * Unwinds the workflow code after {@code Workflows.continueAsNew} issued its command. An {@link
 * Error}, so that workflow code catching exceptions does not stop it.
 */
final class ContinueAsNewError extends Error {
  private static final long serialVersionUID = 1L;

  ContinueAsNewError() {
    super("The workflow continues as a new run", null, false, false);
  }
}
