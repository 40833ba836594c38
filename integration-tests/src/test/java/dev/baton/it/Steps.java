package dev.baton.it;

import dev.baton.Activity;
import dev.baton.ActivityMethod;
import dev.baton.Retry;
import java.util.List;

/** The activities of {@link Fulfilment}. */
@Activity
public interface Steps {
  /** Reserves stock for the lines. */
  @ActivityMethod(startToClose = "PT10S", retry = @Retry(initialInterval = "PT0.2S"))
  String reserve(String orderId, List<Fulfilment.Line> lines);

  /** Charges the payment. */
  @ActivityMethod(startToClose = "PT10S", retry = @Retry(initialInterval = "PT0.2S"))
  String charge(String orderId, int cents);

  /** Ships the order. */
  @ActivityMethod(startToClose = "PT10S", retry = @Retry(initialInterval = "PT0.2S"))
  String ship(String orderId);
}
