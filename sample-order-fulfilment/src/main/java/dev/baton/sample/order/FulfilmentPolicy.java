package dev.baton.sample.order;

import java.time.Duration;

/**
 * The shop's rules for one order, copied into the order when it is placed: which orders need a
 * manager's approval, how long to wait for one, and how the delivery is tracked. A real shop waits
 * days; the demo waits seconds. Nothing is scaled: these are the durations the workflow waits.
 *
 * @param approvalThresholdCents orders of at least this total wait for a manager's approval
 * @param remindApproverAfter without an answer by then, the manager is reminded
 * @param cancelUnapprovedAfter without an answer by then, the order is cancelled
 * @param trackingInterval how long to wait between two questions to the carrier
 * @param deliveryDeadline how long after shipping the parcels must be delivered
 * @param pollsPerTrackingRun how many questions one tracking run asks before it continues as new
 */
public record FulfilmentPolicy(
    long approvalThresholdCents,
    Duration remindApproverAfter,
    Duration cancelUnapprovedAfter,
    Duration trackingInterval,
    Duration deliveryDeadline,
    int pollsPerTrackingRun) {

  /** Checks that the waits are in order. */
  public FulfilmentPolicy {
    if (remindApproverAfter.compareTo(cancelUnapprovedAfter) >= 0) {
      throw new IllegalArgumentException("the reminder must come before the cancellation");
    }
    if (pollsPerTrackingRun < 1) {
      throw new IllegalArgumentException("pollsPerTrackingRun must be at least 1");
    }
  }

  /** Whether an order of {@code totalCents} needs a manager's approval. */
  public boolean needsApproval(long totalCents) {
    return totalCents >= approvalThresholdCents;
  }
}
