package dev.baton.sample.order.systems;

import dev.baton.sample.order.Customers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A stand-in mail server: logs the mail it would send. */
public final class CustomerMail implements Customers {
  private static final Logger log = LoggerFactory.getLogger("shop.mail");

  @Override
  public void mailTrackingNumber(String orderId, String customer, String trackingNumber) {
    log.info(
        "{}: mail to {}: your parcels are on the way, tracking number {}",
        orderId,
        customer,
        trackingNumber);
  }
}
