package com.example.orders;

import dev.baton.ChildWorkflowOptions;
import dev.baton.Promise;
import dev.baton.Workflows;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Runs {@link OrderFulfilment} as a child workflow from workflow code, and signals it.
 * One stub runs one child.
 */
@Generated("dev.baton.processor.BatonProcessor")
public final class OrderFulfilmentChildStub {
  private final ChildWorkflowOptions options;

  /**
   * The child's workflow id, once started.
   */
  private String childWorkflowId;

  private OrderFulfilmentChildStub(ChildWorkflowOptions options) {
    this.options = options;
  }

  /**
   * A stub for a child with a derived workflow id, on the type's task queue, terminated if
   * the parent closes first.
   */
  public static OrderFulfilmentChildStub create() {
    return new OrderFulfilmentChildStub(ChildWorkflowOptions.none());
  }

  /**
   * A stub for a child with the given id, task queue and policy.
   */
  public static OrderFulfilmentChildStub create(ChildWorkflowOptions options) {
    return new OrderFulfilmentChildStub(Objects.requireNonNull(options, "options"));
  }

  /**
   * Runs {@link OrderFulfilment#fulfil} as a child workflow and waits for its result.
   */
  public Model.OrderResult fulfil(Model.Order order, List<Model.Item> extras, int priority) {
    return start(order, extras, priority).get();
  }

  /**
   * Sends the approve signal ({@link OrderFulfilment#approve})
   * to the child this stub started, and waits until it is delivered.
   */
  public void approve(Model.Approval approval) {
    if (childWorkflowId == null) {
      throw new IllegalStateException("Start the child with this stub before signalling it");
    }
    Workflows.signalExternalWorkflow(childWorkflowId,
        OrderFulfilmentClient.APPROVE, approval).get();
  }

  /**
   * Sends the cancel-order signal ({@link OrderFulfilment#cancel})
   * to the child this stub started, and waits until it is delivered.
   */
  public void cancel(String reason, boolean refund) {
    if (childWorkflowId == null) {
      throw new IllegalStateException("Start the child with this stub before signalling it");
    }
    Workflows.signalExternalWorkflow(childWorkflowId,
        OrderFulfilmentClient.CANCEL, reason, refund).get();
  }

  /**
   * The child's workflow id, or {@code null} before it was started.
   */
  public String childWorkflowId() {
    return childWorkflowId;
  }

  /**
   * Starts the child without waiting, for parallel branches.
   */
  public Async async() {
    return new Async();
  }

  /**
   * Starts the child once, with the id the options give or a new one.
   */
  private Promise<Model.OrderResult> start(Object... arguments) {
    if (childWorkflowId != null) {
      throw new IllegalStateException("This stub already started child workflow " + childWorkflowId
          + "; create one stub per child");
    }
    childWorkflowId = options.workflowId() != null ? options.workflowId()
        : Workflows.newChildWorkflowId();
    return Workflows.executeChildWorkflowAsync(OrderFulfilmentClient.TYPE,
        options.toBuilder().workflowId(childWorkflowId).build(), arguments);
  }

  /**
   * Starts the child and returns a promise of its result.
   */
  public final class Async {
    private Async() {
    }

    /**
     * Starts {@link OrderFulfilment#fulfil} as a child workflow; the promise holds its result.
     */
    public Promise<Model.OrderResult> fulfil(Model.Order order, List<Model.Item> extras,
        int priority) {
      return start(order, extras, priority);
    }
  }
}
