package dev.baton.it;

import dev.baton.Workflow;
import dev.baton.WorkflowMethod;
import java.util.List;

/** A three-step order workflow used by the end-to-end tests. */
@Workflow(taskQueue = "fulfilment")
public interface Fulfilment {
  /** Reserves, charges and ships the order; returns a receipt naming each step's result. */
  @WorkflowMethod
  Receipt fulfil(Order order);

  /** An order line. */
  record Line(String sku, int quantity) {}

  /** An order. */
  record Order(String id, List<Line> lines, int totalCents) {}

  /** What the workflow returns. */
  record Receipt(String orderId, String reservation, String payment, String shipment) {}
}
