package dev.baton.sample.order;

import dev.baton.Activity;
import dev.baton.ActivityMethod;
import dev.baton.Retry;
import java.util.List;

/** The warehouses' stock and floor systems. */
@Activity(taskQueue = ShopQueues.SHOP)
public interface Warehouses {
  /** Holds stock for the order in one warehouse; fails with {@code OutOfStock} if it cannot. */
  @ActivityMethod(
      startToClose = "PT10S",
      retry = @Retry(maximumAttempts = 5, doNotRetry = "OutOfStock"))
  Reservation reserve(String orderId, String warehouse, List<OrderLine> lines);

  /** Puts the held stock back on the shelves. */
  @ActivityMethod(startToClose = "PT10S")
  void release(Reservation reservation);

  /** Walks the aisles for the reserved items, heartbeating after each line. */
  @ActivityMethod(startToClose = "PT1M", heartbeat = "PT10S")
  int pick(Reservation reservation);

  /** Packs the picked items into a parcel. */
  @ActivityMethod(startToClose = "PT10S")
  Parcel pack(Reservation reservation, int items);
}
