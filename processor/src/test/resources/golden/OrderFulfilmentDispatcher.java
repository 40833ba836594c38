package com.example.orders;

import dev.baton.QueryType;
import dev.baton.SignalType;
import dev.baton.WorkflowDispatcher;
import dev.baton.WorkflowType;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Runs the {@link OrderFulfilment} workflow for Baton's workers.
 */
@Generated("dev.baton.processor.BatonProcessor")
public final class OrderFulfilmentDispatcher implements WorkflowDispatcher<OrderFulfilment> {
  /**
   * Creates the dispatcher; workers find it by its name.
   */
  public OrderFulfilmentDispatcher() {
  }

  @Override
  public WorkflowType<?> type() {
    return OrderFulfilmentClient.TYPE;
  }

  @Override
  public Class<OrderFulfilment> workflowClass() {
    return OrderFulfilment.class;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object execute(OrderFulfilment workflow, Object[] arguments) throws Exception {
    return workflow.fulfil((Model.Order) arguments[0], (List<Model.Item>) arguments[1],
        (Integer) arguments[2]);
  }

  @Override
  public boolean failsRun(Throwable failure) {
    return failure instanceof Model.OutOfStockException || failure instanceof IllegalStateException;
  }

  @Override
  public List<SignalType> signalTypes() {
    return List.of(
            OrderFulfilmentClient.APPROVE,
            OrderFulfilmentClient.CANCEL);
  }

  @Override
  public void signal(OrderFulfilment workflow, String signalName, Object[] arguments) throws
      Exception {
    switch (signalName) {
      case "approve":
        workflow.approve((Model.Approval) arguments[0]);
        return;
      case "cancel-order":
        workflow.cancel((String) arguments[0], (Boolean) arguments[1]);
        return;
      default:
        throw new IllegalArgumentException("Workflow type OrderFulfilment has no signal named "
            + signalName);
    }
  }

  @Override
  public List<QueryType<?>> queryTypes() {
    return List.of(
            OrderFulfilmentClient.COUNT_ITEMS,
            OrderFulfilmentClient.STATUS);
  }

  @Override
  public Object query(OrderFulfilment workflow, String queryName, Object[] arguments) throws
      Exception {
    switch (queryName) {
      case "itemCount":
        return workflow.countItems();
      case "status":
        return workflow.status((String) arguments[0]);
      default:
        throw new IllegalArgumentException("Workflow type OrderFulfilment has no query named "
            + queryName);
    }
  }
}
