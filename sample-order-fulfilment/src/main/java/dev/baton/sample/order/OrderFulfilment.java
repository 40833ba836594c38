package dev.baton.sample.order;

import dev.baton.Query;
import dev.baton.Signal;
import dev.baton.Workflow;
import dev.baton.WorkflowMethod;

/**
 * Takes a web order to the customer's door: check and charge, reserve stock in every warehouse at
 * once, wait for a manager when the order is large, pick and pack per warehouse, ship, and track
 * the parcels until they are delivered; undo what was done when something fails or the order is
 * cancelled.
 */
@Workflow(taskQueue = ShopQueues.ORDERS)
public interface OrderFulfilment {
  /** Fulfils the order and says how it ended. */
  @WorkflowMethod
  OrderOutcome fulfil(Order order);

  /** A manager approves the order. */
  @Signal
  void approve(ManagerDecision decision);

  /** A manager rejects the order. */
  @Signal
  void reject(ManagerDecision decision);

  /** Where the order is now. */
  @Query
  OrderStatus status();
}
