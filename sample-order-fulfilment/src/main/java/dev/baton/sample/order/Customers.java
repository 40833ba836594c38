package dev.baton.sample.order;

import dev.baton.Activity;
import dev.baton.ActivityMethod;

/** Mail to customers. */
@Activity(taskQueue = ShopQueues.SHOP)
public interface Customers {
  /** Tells the customer their parcels are on the way, with the tracking number. */
  @ActivityMethod(startToClose = "PT10S")
  void mailTrackingNumber(String orderId, String customer, String trackingNumber);
}
