package com.example.orders;

import dev.baton.Baton;
import dev.baton.TypeRef;
import dev.baton.WorkflowHandle;
import dev.baton.WorkflowOptions;
import dev.baton.WorkflowType;
import java.time.Duration;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Starts runs of the {@link OrderFulfilment} workflow and waits for their results.
 */
@Generated("dev.baton.processor.BatonProcessor")
public final class OrderFulfilmentClient {
  /**
   * The OrderFulfilment workflow type.
   */
  public static final WorkflowType<Model.OrderResult> TYPE = WorkflowType.of(
      "OrderFulfilment",
      "orders",
      new TypeRef<Model.OrderResult>() {},
      new TypeRef<Model.Order>() {},
      new TypeRef<List<Model.Item>>() {},
      new TypeRef<Integer>() {});

  private final Baton baton;

  private OrderFulfilmentClient(Baton baton) {
    this.baton = baton;
  }

  /**
   * A client that starts and follows runs through {@code baton}.
   */
  public static OrderFulfilmentClient of(Baton baton) {
    return new OrderFulfilmentClient(baton);
  }

  /**
   * Starts a run with the given workflow id on the type's task queue.
   */
  public WorkflowHandle<Model.OrderResult> start(String workflowId, Model.Order order,
      List<Model.Item> extras, int priority) {
    return baton.start(TYPE, workflowId, order, extras, priority);
  }

  /**
   * Starts a run with the given options.
   */
  public WorkflowHandle<Model.OrderResult> start(WorkflowOptions options, Model.Order order,
      List<Model.Item> extras, int priority) {
    return baton.start(TYPE, options, order, extras, priority);
  }

  /**
   * A handle on the current run of the given workflow id.
   */
  public WorkflowHandle<Model.OrderResult> handle(String workflowId) {
    return baton.handle(TYPE, workflowId);
  }

  /**
   * Waits at most {@code timeout} for the result of the current run of the given workflow id.
   */
  public Model.OrderResult result(String workflowId, Duration timeout) {
    return handle(workflowId).result(timeout);
  }
}
