package dev.baton.sample.order;

/** How an order ended. */
public enum Outcome {
  /** The parcels reached the customer. */
  DELIVERED,
  /** The order was not valid (unknown product, no lines, ...); nothing was done. */
  INVALID,
  /** The card was declined; the saga undid what was done. */
  PAYMENT_DECLINED,
  /** A warehouse could not reserve the stock; the saga undid what was done. */
  OUT_OF_STOCK,
  /** A manager rejected the order; the saga undid what was done. */
  REJECTED,
  /** No manager answered in time; the order was cancelled and the saga undid what was done. */
  APPROVAL_TIMED_OUT,
  /** The carrier did not deliver by the deadline; a claim with the carrier is needed. */
  NOT_DELIVERED
}
