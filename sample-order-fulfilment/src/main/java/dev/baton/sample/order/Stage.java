package dev.baton.sample.order;

/** Where an order is, as its {@link OrderFulfilment#status()} query reports it. */
public enum Stage {
  RECEIVED,
  PAYING,
  RESERVING,
  AWAITING_APPROVAL,
  PACKING,
  SHIPPING,
  IN_TRANSIT,
  DELIVERED,
  COMPENSATING,
  /** Closed without a delivery: see the outcome. */
  CLOSED
}
