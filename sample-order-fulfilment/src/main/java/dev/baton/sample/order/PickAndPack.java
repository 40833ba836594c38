package dev.baton.sample.order;

import dev.baton.Workflow;
import dev.baton.WorkflowMethod;

/** One warehouse's part of an order: pick the reserved items and pack them into a parcel. */
@Workflow(taskQueue = ShopQueues.ORDERS)
public interface PickAndPack {
  /** Picks and packs the reservation; returns the parcel. */
  @WorkflowMethod
  Parcel pack(Reservation reservation);
}
