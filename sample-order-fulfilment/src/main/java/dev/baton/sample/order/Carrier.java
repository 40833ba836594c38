package dev.baton.sample.order;

import dev.baton.Activity;
import dev.baton.ActivityMethod;
import java.util.List;

/** The parcel carrier. */
@Activity(taskQueue = ShopQueues.SHOP)
public interface Carrier {
  /** Books the parcels for delivery to {@code address}; returns a tracking number. */
  @ActivityMethod(startToClose = "PT10S")
  String ship(String orderId, Address address, List<Parcel> parcels);

  /** Where the parcels are: {@code IN_TRANSIT}, {@code OUT_FOR_DELIVERY} or {@code DELIVERED}. */
  @ActivityMethod(startToClose = "PT10S")
  String status(String trackingNumber);
}
