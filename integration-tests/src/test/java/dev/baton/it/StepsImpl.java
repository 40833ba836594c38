package dev.baton.it;

import java.util.List;

/** Deterministic step results, so tests can compute the expected receipt. */
public class StepsImpl implements Steps {
  @Override
  public String reserve(String orderId, List<Fulfilment.Line> lines) {
    return "reserved "
        + lines.stream().mapToInt(Fulfilment.Line::quantity).sum()
        + " for "
        + orderId;
  }

  @Override
  public String charge(String orderId, int cents) {
    return "charged " + cents + " to " + orderId;
  }

  @Override
  public String ship(String orderId) {
    return "shipped " + orderId;
  }
}
