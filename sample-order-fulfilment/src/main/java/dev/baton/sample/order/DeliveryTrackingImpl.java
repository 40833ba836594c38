package dev.baton.sample.order;

import dev.baton.Workflows;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/** Polls the carrier with durable timers between questions. */
public class DeliveryTrackingImpl implements DeliveryTracking {
  private static final Logger log = Workflows.getLogger(DeliveryTrackingImpl.class);

  private final CarrierStub carrier = CarrierStub.create();
  private String lastStatus = "NOT_ASKED";

  @Override
  public Delivery track(TrackingJob job) {
    for (int poll = 1; poll <= job.pollsPerRun(); poll++) {
      Instant now = Workflows.currentTime();
      if (!now.isBefore(job.deadline())) {
        log.info("{}: not delivered by {}", job.orderId(), job.deadline());
        return new Delivery(
            job.trackingNumber(), false, null, job.pollsSoFar() + poll - 1, job.run());
      }
      Duration wait = min(job.interval(), Duration.between(now, job.deadline()));
      Workflows.sleep(wait); // a durable timer: the worker may die meanwhile
      lastStatus = carrier.status(job.trackingNumber());
      int polls = job.pollsSoFar() + poll;
      log.info("{}: carrier says {} (question {})", job.orderId(), lastStatus, polls);
      if ("DELIVERED".equals(lastStatus)) {
        return new Delivery(job.trackingNumber(), true, Workflows.currentTime(), polls, job.run());
      }
    }
    log.info("{}: tracking continues as new run {}", job.orderId(), job.run() + 1);
    Workflows.continueAsNew(job.next(job.pollsPerRun()));
    throw new IllegalStateException("continueAsNew returned");
  }

  @Override
  public String lastStatus() {
    return lastStatus;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
