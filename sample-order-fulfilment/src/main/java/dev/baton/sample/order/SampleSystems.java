package dev.baton.sample.order;

import dev.baton.ActivityContext;
import java.io.PrintStream;
import java.util.List;

/** Stand-ins for the warehouse, payment and carrier systems; they print what they do. */
final class SampleSystems implements Warehouse, Payments, Shipping {
  private final PrintStream out;

  SampleSystems(PrintStream out) {
    this.out = out;
  }

  @Override
  public String reserve(String orderId, List<OrderFulfilment.OrderLine> lines) {
    int units = lines.stream().mapToInt(OrderFulfilment.OrderLine::quantity).sum();
    step("warehouse", "reserved " + units + " item(s) for " + orderId);
    return "RES-" + orderId;
  }

  @Override
  public String charge(String orderId, String customer, long cents) {
    step(
        "payments",
        String.format(
            "charged %s %d.%02d EUR for %s", customer, cents / 100, cents % 100, orderId));
    return "PAY-" + orderId;
  }

  @Override
  public String ship(String orderId, String reservationId) {
    step("shipping", "handed " + reservationId + " to the carrier");
    return "TRACK-" + orderId;
  }

  private void step(String system, String what) {
    out.printf("  [%s] %s (attempt %d)%n", system, what, ActivityContext.current().attempt());
  }
}
