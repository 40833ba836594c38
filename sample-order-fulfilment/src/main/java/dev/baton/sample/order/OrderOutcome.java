package dev.baton.sample.order;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The result of {@link OrderFulfilment}: how the order ended and what was done. */
public record OrderOutcome(
    String orderId,
    Outcome outcome,
    String detail,
    @Nullable String paymentId,
    List<Parcel> parcels,
    @Nullable Delivery delivery,
    List<String> compensations) {

  /** One line for people: how it ended, what was delivered, what was undone. */
  public String summary() {
    String line = outcome + ": " + detail;
    if (delivery != null && delivery.delivered()) {
      line +=
          " ("
              + parcels.size()
              + " parcel(s), "
              + delivery.polls()
              + " carrier question(s) in "
              + delivery.runs()
              + " tracking run(s))";
    }
    if (!compensations.isEmpty()) {
      line += "; undone: " + String.join(", ", compensations);
    }
    return line;
  }
}
