package dev.baton.it;

/** Calls the three steps in order. */
public class FulfilmentImpl implements Fulfilment {
  private final StepsStub steps = StepsStub.create();

  @Override
  public Receipt fulfil(Order order) {
    String reservation = steps.reserve(order.id(), order.lines());
    String payment = steps.charge(order.id(), order.totalCents());
    String shipment = steps.ship(order.id());
    return new Receipt(order.id(), reservation, payment, shipment);
  }

  /** The receipt {@link StepsImpl} leads to. */
  public static Receipt expectedReceipt(Order order) {
    int units = order.lines().stream().mapToInt(Line::quantity).sum();
    return new Receipt(
        order.id(),
        "reserved " + units + " for " + order.id(),
        "charged " + order.totalCents() + " to " + order.id(),
        "shipped " + order.id());
  }
}
