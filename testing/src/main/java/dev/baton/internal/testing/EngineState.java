package dev.baton.internal.testing;

import org.jspecify.annotations.Nullable;

/**
 * What the engine is doing at one instant, read in one consistent snapshot of the database.
 *
 * @param busy whether any work can run now: a workflow task claimable or running, an activity
 *     claimable or running (other than one a mock parked), a query, an outbox row, or something the
 *     sweeper must act on
 * @param sweepDue whether part of that work waits for the sweeper (a due timer, an expired lease)
 * @param nextDueMillis the earliest future time at which something becomes due, or {@code null}
 * @param failedTask a workflow task's last failure, with its workflow id, or {@code null}
 * @param pending what keeps the engine busy, for people; empty when it is idle
 */
record EngineState(
    boolean busy,
    boolean sweepDue,
    @Nullable Long nextDueMillis,
    @Nullable String failedTask,
    String pending) {}
