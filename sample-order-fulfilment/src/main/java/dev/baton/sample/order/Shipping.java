package dev.baton.sample.order;

import dev.baton.Activity;
import dev.baton.ActivityMethod;

/** The carrier. */
@Activity
public interface Shipping {
  /** Hands the parcel to the carrier; returns a tracking number. */
  @ActivityMethod(startToClose = "PT1M")
  String ship(String orderId, String reservationId);
}
