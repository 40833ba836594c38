package dev.baton.internal.store;

/**
 * How a workflow task commit ended and which events it appended.
 *
 * @param outcome what happened
 * @param firstEventId the id of the first event the commit appended
 * @param nextEventId the run's {@code next_event_id} after the commit
 * @param scheduledActivities whether the commit scheduled activity tasks left for a claim
 * @param startedTimers whether the commit started timers
 * @param startedActivities the activities the commit leased to the committing worker at once (see
 *     {@link EagerActivities}); empty unless the outcome is a commit of this attempt
 * @param wroteOutbox whether the commit wrote outbox rows (for a child, a signal, a parent)
 * @param startedRun whether the commit started a run (continue-as-new, a retry of the run)
 */
public record CompletionResult(
    CompletionOutcome outcome,
    long firstEventId,
    long nextEventId,
    boolean scheduledActivities,
    boolean startedTimers,
    java.util.List<ClaimedActivityTask> startedActivities,
    boolean wroteOutbox,
    boolean startedRun) {
  /** A result of an attempt that appended nothing. */
  static CompletionResult nothingAppended(CompletionOutcome outcome) {
    return new CompletionResult(outcome, 0, 0, false, false, java.util.List.of(), false, false);
  }
}
