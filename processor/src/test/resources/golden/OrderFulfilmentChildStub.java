package com.example.orders;

import dev.baton.AbstractChildWorkflowStub;
import dev.baton.ChildWorkflowOptions;
import dev.baton.Promise;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Runs {@link OrderFulfilment} as a child workflow from workflow code, and signals it.
 * One stub runs one child.
 */
@Generated("dev.baton.processor.BatonProcessor")
public final class OrderFulfilmentChildStub extends AbstractChildWorkflowStub<Model.OrderResult> {
  private OrderFulfilmentChildStub(ChildWorkflowOptions options) {
    super(OrderFulfilmentClient.TYPE, options);
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
    return new OrderFulfilmentChildStub(options);
  }

  /**
   * Runs {@link OrderFulfilment#fulfil} as a child workflow and waits for its result.
   */
  public Model.OrderResult fulfil(Model.Order order, List<Model.Item> extras, int priority) {
    return startChild(order, extras, priority).get();
  }

  /**
   * Sends the approve signal ({@link OrderFulfilment#approve})
   * to the child this stub started, and waits until it is delivered.
   */
  public void approve(Model.Approval approval) {
    signalChild(OrderFulfilmentClient.APPROVE, approval);
  }

  /**
   * Sends the cancel-order signal ({@link OrderFulfilment#cancel})
   * to the child this stub started, and waits until it is delivered.
   */
  public void cancel(String reason, boolean refund) {
    signalChild(OrderFulfilmentClient.CANCEL, reason, refund);
  }

  /**
   * Starts the child without waiting, for parallel branches.
   */
  public Async async() {
    return new Async();
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
      return startChild(order, extras, priority);
    }
  }
}
