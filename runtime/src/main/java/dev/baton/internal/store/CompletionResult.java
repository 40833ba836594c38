package dev.baton.internal.store;

/**
 * How a workflow task commit ended and which events it appended.
 *
 * @param outcome what happened
 * @param firstEventId the id of the first event the commit appended
 * @param nextEventId the run's {@code next_event_id} after the commit
 * @param scheduledActivities whether the commit scheduled activity tasks
 * @param startedTimers whether the commit started timers
 */
public record CompletionResult(
    CompletionOutcome outcome,
    long firstEventId,
    long nextEventId,
    boolean scheduledActivities,
    boolean startedTimers) {}
