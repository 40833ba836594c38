package dev.baton.internal.store;

import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * A timer that is due: {@code seq} of run {@code runId}, with what a worker needs to know whether
 * it runs the run's workflow tasks.
 *
 * @param runId the run
 * @param seq the timer's sequence number in the run
 * @param workflowId the run's workflow id
 * @param workflowType the run's workflow type
 * @param taskQueue the run's task queue
 * @param stickyOwner the worker that last worked a task of the run and may hold it in its cache
 */
public record DueTimer(
    String runId,
    int seq,
    String workflowId,
    String workflowType,
    String taskQueue,
    @Nullable String stickyOwner) {
  /** The order firing transactions lock runs in, so that two sweepers never deadlock. */
  static final Comparator<DueTimer> LOCK_ORDER =
      Comparator.comparing(DueTimer::runId).thenComparingInt(DueTimer::seq);
}
