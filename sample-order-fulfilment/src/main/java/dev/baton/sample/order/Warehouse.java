package dev.baton.sample.order;

import dev.baton.Activity;
import dev.baton.ActivityMethod;
import dev.baton.Retry;
import java.util.List;

/** The warehouse system. */
@Activity
public interface Warehouse {
  /** Reserves the order's lines; returns a reservation id. */
  @ActivityMethod(startToClose = "PT30S", retry = @Retry(maximumAttempts = 5))
  String reserve(String orderId, List<OrderFulfilment.OrderLine> lines);
}
