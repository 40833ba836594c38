package dev.baton.sample.order;

import dev.baton.Workflow;
import dev.baton.WorkflowMethod;
import java.util.List;

/** Takes a web order to the customer's door: reserve stock, charge the payment, ship. */
@Workflow(taskQueue = "orders")
public interface OrderFulfilment {
  /** Fulfils the order and returns what happened. */
  @WorkflowMethod
  OrderResult fulfil(Order order);

  /** One line of an order. */
  record OrderLine(String sku, int quantity) {}

  /** A web order. */
  record Order(String orderId, String customer, List<OrderLine> lines, long totalCents) {}

  /** The outcome of an order. */
  record OrderResult(
      String orderId, String reservationId, String paymentId, String trackingNumber) {}
}
