package dev.baton;

import java.time.Duration;

/**
 * A handle on one workflow run, from any process: its ids, its status and its result.
 *
 * @param <R> the result type
 */
public interface WorkflowHandle<R> {
  /** The workflow id. */
  String workflowId();

  /** The run id. */
  String runId();

  /** Asks the workflow's running run to cancel; see {@link Baton#cancel(String)}. */
  void cancel();

  /** Ends the workflow's running run at once; see {@link Baton#terminate(String, String)}. */
  void terminate(String reason);

  /** The run's current status. */
  WorkflowStatus status();

  /**
   * Waits until the run closes and returns its result.
   *
   * @throws WorkflowFailedException if the run failed
   */
  R result();

  /**
   * Waits at most {@code timeout} until the run closes and returns its result.
   *
   * @throws WorkflowFailedException if the run failed
   * @throws ResultTimeoutException if the run has not closed in time (it goes on)
   */
  R result(Duration timeout);
}
