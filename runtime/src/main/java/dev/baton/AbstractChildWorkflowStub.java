package dev.baton;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The base of generated child workflow stubs ({@code XChildStub}): runs one child workflow of its
 * type from a parent's workflow code, once, and signals it. The generated subclass adds the typed
 * workflow and signal methods. Extend it to write a child stub by hand, or call {@link
 * Workflows#executeChildWorkflow} directly.
 *
 * @param <R> the child's result type
 */
public abstract class AbstractChildWorkflowStub<R> {
  private final WorkflowType<R> type;
  private final ChildWorkflowOptions options;
  private @Nullable String childWorkflowId;

  /** A stub for one child of {@code type} with the given id, task queue and policy. */
  protected AbstractChildWorkflowStub(WorkflowType<R> type, ChildWorkflowOptions options) {
    this.type = Objects.requireNonNull(type, "type");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** The child's workflow id, or {@code null} before it was started. */
  public final @Nullable String childWorkflowId() {
    return childWorkflowId;
  }

  /**
   * Starts the child once, with the id the options give or a new one, and returns a promise of its
   * result.
   *
   * @throws IllegalStateException if this stub already started a child
   */
  protected final Promise<R> startChild(Object @Nullable ... arguments) {
    if (childWorkflowId != null) {
      throw new IllegalStateException(
          "This stub already started child workflow "
              + childWorkflowId
              + "; create one stub per child");
    }
    String workflowId = options.workflowId();
    if (workflowId == null) {
      workflowId = Workflows.newChildWorkflowId();
    }
    childWorkflowId = workflowId;
    return Workflows.executeChildWorkflowAsync(
        type, options.toBuilder().workflowId(workflowId).build(), arguments);
  }

  /**
   * Sends {@code signal} to the child this stub started, and waits until it is delivered.
   *
   * @throws IllegalStateException if this stub has not started its child
   */
  protected final void signalChild(SignalType signal, Object @Nullable ... arguments) {
    String workflowId = childWorkflowId;
    if (workflowId == null) {
      throw new IllegalStateException("Start the child with this stub before signalling it");
    }
    Workflows.signalExternalWorkflow(workflowId, signal, arguments).get();
  }
}
