package dev.baton.it;

import dev.baton.ActivityOptions;
import java.time.Duration;

/** {@link Fulfilment} with short activity leases, so crashed attempts are retried quickly. */
public class CrashFulfilmentImpl implements Fulfilment {
  private final StepsStub steps =
      StepsStub.create(ActivityOptions.newBuilder().startToClose(Duration.ofSeconds(2)).build());

  @Override
  public Receipt fulfil(Order order) {
    String reservation = steps.reserve(order.id(), order.lines());
    String payment = steps.charge(order.id(), order.totalCents());
    String shipment = steps.ship(order.id());
    return new Receipt(order.id(), reservation, payment, shipment);
  }
}
