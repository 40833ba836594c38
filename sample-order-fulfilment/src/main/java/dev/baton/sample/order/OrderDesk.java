package dev.baton.sample.order;

import dev.baton.ActivityLeaseLostException;
import dev.baton.Baton;
import dev.baton.WorkflowHandle;
import dev.baton.WorkflowIdReusePolicy;
import dev.baton.WorkflowOptions;

/**
 * The starter: where the shop's web front and command line hand orders to Baton, and where managers
 * and customers reach running orders.
 */
public final class OrderDesk {
  private final Baton baton;
  private final OrderFulfilmentClient orders;
  private final ShopSettings settings;

  /** A desk that places orders through {@code baton} with the policy of {@code settings}. */
  public OrderDesk(Baton baton, ShopSettings settings) {
    this.baton = baton;
    this.orders = OrderFulfilmentClient.of(baton);
    this.settings = settings;
  }

  /**
   * Starts fulfilling the order, under the shop's policy. The order id is the workflow id, never
   * reused: a second submission of the same order is refused by Baton.
   *
   * @throws dev.baton.WorkflowAlreadyStartedException if the order was placed before
   */
  public WorkflowHandle<OrderOutcome> place(Order order) {
    Order accepted = order.policy() == null ? order.withPolicy(settings.policy()) : order;
    WorkflowOptions options =
        WorkflowOptions.newBuilder(order.orderId())
            .idReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE)
            .build();
    return orders.start(options, accepted);
  }

  /** A handle on a placed order. */
  public WorkflowHandle<OrderOutcome> order(String orderId) {
    return orders.handle(orderId);
  }

  /** Where the order is now (a query, answered by a workflow worker). */
  public OrderStatus status(String orderId) {
    return orders.status(orderId);
  }

  /** A manager approves the order (a signal). */
  public void approve(String orderId, String manager) {
    orders.approve(orderId, ManagerDecision.approve(manager));
  }

  /** A manager rejects the order (a signal). */
  public void reject(String orderId, String manager, String reason) {
    orders.reject(orderId, ManagerDecision.reject(manager, reason));
  }

  /**
   * A manager answers the approval request mailed with {@code taskToken}: completes the waiting
   * activity.
   *
   * @throws ActivityLeaseLostException if the request was answered or given up on already
   */
  public void answer(String taskToken, ManagerDecision decision) {
    baton.activityCompletion().complete(taskToken, decision);
  }

  /** The customer cancels the order; the workflow undoes what it did. */
  public void cancel(String orderId) {
    baton.cancel(orderId);
  }
}
