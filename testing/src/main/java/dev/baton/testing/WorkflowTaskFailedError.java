package dev.baton.testing;

import org.jspecify.annotations.Nullable;

/**
 * A workflow task failed while a test waited on the {@link TestWorkflowEnvironment}: workflow code
 * threw (a bug), made a {@linkplain NonDeterministicCallException forbidden call}, or did not
 * replay its history. In production the task would be retried until fixed code is deployed; a test
 * fails at once with the reason.
 */
public final class WorkflowTaskFailedError extends AssertionError {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public WorkflowTaskFailedError(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public WorkflowTaskFailedError(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
