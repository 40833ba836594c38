package dev.baton.sample.order;

/**
 * The workflow: plain Java calling the generated stubs. Each call is durable: after a crash the
 * workflow resumes after the last recorded step, without running the earlier ones again.
 */
public class OrderFulfilmentImpl implements OrderFulfilment {
  private final WarehouseStub warehouse = WarehouseStub.create();
  private final PaymentsStub payments = PaymentsStub.create();
  private final ShippingStub shipping = ShippingStub.create();

  @Override
  public OrderResult fulfil(Order order) {
    String reservation = warehouse.reserve(order.orderId(), order.lines());
    String payment = payments.charge(order.orderId(), order.customer(), order.totalCents());
    String tracking = shipping.ship(order.orderId(), reservation);
    return new OrderResult(order.orderId(), reservation, payment, tracking);
  }
}
