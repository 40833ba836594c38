package dev.baton.internal.store;

import dev.baton.internal.history.StoredEvent;
import java.util.List;

/**
 * The events a commit appended to a run, from {@code fromEventId} (the run's {@code next_event_id}
 * when the commit locked it) on: handed with a workflow task that commit leased to its worker, so
 * that a worker whose instance has processed every earlier event need not read history.
 *
 * @param fromEventId the id of the first of {@code events}
 * @param events the appended events, in order
 */
public record HistoryTail(long fromEventId, List<StoredEvent> events) {}
