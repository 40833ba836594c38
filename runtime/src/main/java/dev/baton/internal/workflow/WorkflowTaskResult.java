package dev.baton.internal.workflow;

import dev.baton.internal.history.Event;
import java.util.List;

/**
 * What running a workflow task produced.
 *
 * @param commands the new commands, as the events they record
 * @param lastSeenEventId the last history event the code saw
 * @param expectedNextEventId the run's {@code next_event_id} as the code read it
 */
public record WorkflowTaskResult(
    List<Event> commands, long lastSeenEventId, long expectedNextEventId) {}
