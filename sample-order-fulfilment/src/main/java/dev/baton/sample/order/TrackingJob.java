package dev.baton.sample.order;

import java.time.Duration;
import java.time.Instant;

/**
 * What {@link DeliveryTracking} follows: a tracking number, how often to ask the carrier, until
 * when, and how many questions were asked by earlier runs of the same tracking (it continues as new
 * every {@code pollsPerRun} questions).
 */
public record TrackingJob(
    String orderId,
    String trackingNumber,
    Duration interval,
    Instant deadline,
    int pollsPerRun,
    int pollsSoFar,
    int run) {

  /** The job for the next run, after {@code polls} more questions. */
  public TrackingJob next(int polls) {
    return new TrackingJob(
        orderId, trackingNumber, interval, deadline, pollsPerRun, pollsSoFar + polls, run + 1);
  }
}
