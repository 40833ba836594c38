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
    List<String> compensations) {}
