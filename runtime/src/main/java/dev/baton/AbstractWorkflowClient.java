package dev.baton;

import java.time.Duration;
import java.util.Objects;

/**
 * The base of generated workflow clients ({@code XClient}): follows runs of one workflow type
 * through a {@link Baton}. The generated subclass adds the typed start, signal and query methods.
 * Extend it to write a client by hand, or call {@link Baton} directly.
 *
 * @param <R> the workflow's result type
 */
public abstract class AbstractWorkflowClient<R> {
  private final Baton baton;
  private final WorkflowType<R> type;

  /** A client that starts and follows runs of {@code type} through {@code baton}. */
  protected AbstractWorkflowClient(Baton baton, WorkflowType<R> type) {
    this.baton = Objects.requireNonNull(baton, "baton");
    this.type = Objects.requireNonNull(type, "type");
  }

  /** The Baton instance this client works through. */
  protected final Baton baton() {
    return baton;
  }

  /** A handle on the current run of the given workflow id. */
  public final WorkflowHandle<R> handle(String workflowId) {
    return baton.handle(type, workflowId);
  }

  /** Waits at most {@code timeout} for the result of the current run of the given workflow id. */
  public final R result(String workflowId, Duration timeout) {
    return handle(workflowId).result(timeout);
  }
}
