package dev.baton.sample.order;

/**
 * The task queues: the workflow worker (the decider) serves {@link #ORDERS}, the activity worker
 * {@link #SHOP}. In the demo one process serves both; in production each may run on its own hosts.
 */
public final class ShopQueues {
  /** Order, packing and tracking workflows, and the catalogue they run as a local activity. */
  public static final String ORDERS = "orders";

  /** The payment, warehouse, carrier and approval systems. */
  public static final String SHOP = "shop";

  private ShopQueues() {}
}
