package dev.baton.sample.order;

import dev.baton.Activity;
import dev.baton.ActivityMethod;
import dev.baton.Retry;

/** The payment provider. */
@Activity(taskQueue = ShopQueues.SHOP)
public interface Payments {
  /**
   * Charges the card behind {@code paymentToken}; returns a payment id. A busy gateway is retried
   * with growing waits; a declined card ({@code CardDeclined}) is not.
   */
  @ActivityMethod(
      startToClose = "PT10S",
      retry =
          @Retry(
              initialInterval = "PT0.5S",
              backoffCoefficient = 2,
              maximumAttempts = 5,
              doNotRetry = "CardDeclined"))
  String charge(String orderId, String paymentToken, long cents);

  /**
   * Gives back whatever was charged for the order, if anything; says what it did. Safe to call more
   * than once.
   */
  @ActivityMethod(startToClose = "PT10S")
  String refund(String orderId);
}
