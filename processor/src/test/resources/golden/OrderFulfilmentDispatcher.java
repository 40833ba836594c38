package com.example.orders;

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
}
