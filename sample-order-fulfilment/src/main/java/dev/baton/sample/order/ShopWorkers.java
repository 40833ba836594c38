package dev.baton.sample.order;

import dev.baton.Baton;
import dev.baton.Worker;
import dev.baton.WorkerOptions;
import dev.baton.sample.order.systems.ShopCatalogue;
import dev.baton.sample.order.systems.ShopSystems;
import java.time.Duration;

/** Starts the shop's two kinds of worker: the deciders and the systems. */
public final class ShopWorkers {
  private static final WorkerOptions OPTIONS =
      WorkerOptions.newBuilder().maxPollInterval(Duration.ofMillis(250)).build();

  private ShopWorkers() {}

  /**
   * The workflow worker: runs the order, packing and tracking workflows (and the catalogue, which
   * they call as a local activity) from task queue {@link ShopQueues#ORDERS}.
   */
  public static Worker startWorkflowWorker(Baton baton) {
    return baton
        .newWorker(ShopQueues.ORDERS, OPTIONS)
        .registerWorkflow(OrderFulfilmentImpl.class)
        .registerWorkflow(PickAndPackImpl.class)
        .registerWorkflow(DeliveryTrackingImpl.class)
        .registerActivities(new ShopCatalogue())
        .start();
  }

  /** The activity worker: serves the shop's systems from task queue {@link ShopQueues#SHOP}. */
  public static Worker startActivityWorker(Baton baton, ShopSystems systems) {
    return baton
        .newWorker(ShopQueues.SHOP, OPTIONS)
        .registerActivities(systems.activities())
        .start();
  }
}
