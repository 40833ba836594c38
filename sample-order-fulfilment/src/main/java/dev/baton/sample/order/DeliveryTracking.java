package dev.baton.sample.order;

import dev.baton.Query;
import dev.baton.Workflow;
import dev.baton.WorkflowMethod;

/**
 * Asks the carrier where the parcels are, waits, and asks again, until they are delivered or the
 * deadline passes (the "wait, get status, done? else wait again" loop of Step Functions' classic
 * example). Long tracking continues as new, so its history stays short.
 */
@Workflow(taskQueue = ShopQueues.ORDERS)
public interface DeliveryTracking {
  /** Tracks until delivered or the job's deadline. */
  @WorkflowMethod
  Delivery track(TrackingJob job);

  /** The carrier's last answer. */
  @Query
  String lastStatus();
}
