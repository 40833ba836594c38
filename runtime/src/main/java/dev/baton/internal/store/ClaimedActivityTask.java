package dev.baton.internal.store;

import org.jspecify.annotations.Nullable;

/**
 * An activity task this worker holds a lease on.
 *
 * @param token the lease
 * @param workflowId the workflow that scheduled it
 * @param activityType the activity type name
 * @param inputJson the arguments as a JSON array
 * @param attempt the attempt number, 1 for the first
 * @param scheduledAt when the workflow scheduled it, epoch milliseconds
 * @param heartbeatDetailsJson details of the last heartbeat of an earlier attempt, or {@code null}
 * @param leasedAt when the lease began, by the time source, epoch milliseconds
 * @param leasedAtNanos {@link System#nanoTime()} in this process when the lease was taken: with
 *     {@code leasedAt}, it tells the time source's now without asking it (see {@link
 *     Database#nowSince})
 */
public record ClaimedActivityTask(
    TaskToken token,
    String workflowId,
    String activityType,
    String inputJson,
    int attempt,
    long scheduledAt,
    @Nullable String heartbeatDetailsJson,
    long leasedAt,
    long leasedAtNanos) {

  /** A task leased at {@code leasedAt} (time source milliseconds), taken just now. */
  ClaimedActivityTask(
      TaskToken token,
      String workflowId,
      String activityType,
      String inputJson,
      int attempt,
      long scheduledAt,
      @Nullable String heartbeatDetailsJson,
      long leasedAt) {
    this(
        token,
        workflowId,
        activityType,
        inputJson,
        attempt,
        scheduledAt,
        heartbeatDetailsJson,
        leasedAt,
        System.nanoTime());
  }
}
