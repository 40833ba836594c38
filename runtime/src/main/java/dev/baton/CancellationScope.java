package dev.baton;

import dev.baton.internal.workflow.WorkflowContext;

/**
 * A region of workflow code that can be cancelled as a whole: cancelling it cancels the timers,
 * activities and children it started and makes its waits throw {@link CanceledFailure}. Scopes
 * nest: cancelling one cancels the scopes created inside it, except detached ones. The run itself
 * is the outermost scope, cancelled when someone asks to cancel the run.
 *
 * <pre>{@code
 * CancellationScope reminders = Workflows.newCancellationScope(() -> {
 *   Workflows.sleep(Duration.ofDays(3));
 *   notifier.remind(order);
 * });
 * Workflows.async(reminders::run);
 * Workflows.await(() -> approved);
 * reminders.cancel(); // approved in time: no reminder
 * }</pre>
 */
public interface CancellationScope {
  /** The scope the calling workflow code runs in. */
  static CancellationScope current() {
    return WorkflowContext.current().currentScope();
  }

  /** Runs the scope's body on the calling branch, inside the scope. */
  void run();

  /** Cancels the scope, the scopes inside it (except detached ones) and what they started. */
  void cancel();

  /** Whether the scope (or, for an attached scope, one around it) has been cancelled. */
  boolean isCancelRequested();
}
