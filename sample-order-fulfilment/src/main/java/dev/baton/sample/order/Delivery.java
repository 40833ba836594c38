package dev.baton.sample.order;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** How the tracking ended: delivered (and when), or not by the deadline. */
public record Delivery(
    String trackingNumber, boolean delivered, @Nullable Instant deliveredAt, int polls, int runs) {}
