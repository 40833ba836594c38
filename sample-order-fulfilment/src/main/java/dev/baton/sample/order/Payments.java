package dev.baton.sample.order;

import dev.baton.Activity;
import dev.baton.ActivityMethod;
import dev.baton.Retry;

/** The payment provider. */
@Activity
public interface Payments {
  /** Charges the customer; returns a payment id. */
  @ActivityMethod(
      startToClose = "PT30S",
      retry = @Retry(initialInterval = "PT0.5S", maximumAttempts = 5, doNotRetry = "CardDeclined"))
  String charge(String orderId, String customer, long cents);
}
