package dev.baton.sample.order;

import dev.baton.Activity;
import dev.baton.ActivityMethod;
import dev.baton.Retry;

/**
 * The shop's product catalogue: prices and which warehouse stocks what. A quick lookup, so the
 * workflow runs it as a local activity, on its own worker, without a round trip through the queue.
 */
@Activity
public interface Catalogue {
  /**
   * Checks the order (known products, positive quantities, an address) and prices it.
   *
   * @throws dev.baton.ApplicationFailure of type {@code InvalidOrder} when it is not valid
   */
  @ActivityMethod(
      startToClose = "PT5S",
      retry = @Retry(maximumAttempts = 3, doNotRetry = "InvalidOrder"))
  Quote check(Order order);
}
