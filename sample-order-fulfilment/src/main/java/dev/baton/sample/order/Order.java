package dev.baton.sample.order;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A web order, the input of {@link OrderFulfilment}. Its id is the workflow id. The shop fills in
 * {@code policy} when it accepts the order, so every wait of the run is fixed when it starts.
 */
public record Order(
    String orderId,
    String customer,
    Address address,
    List<OrderLine> lines,
    String paymentToken,
    @Nullable FulfilmentPolicy policy) {

  /** This order with {@code policy}. */
  public Order withPolicy(FulfilmentPolicy policy) {
    return new Order(orderId, customer, address, lines, paymentToken, policy);
  }
}
