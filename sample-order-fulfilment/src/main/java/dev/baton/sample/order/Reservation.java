package dev.baton.sample.order;

import java.util.List;

/** Stock held for an order in one warehouse. */
public record Reservation(
    String reservationId, String orderId, String warehouse, List<OrderLine> lines) {}
