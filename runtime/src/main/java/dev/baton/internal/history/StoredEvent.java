package dev.baton.internal.history;

/**
 * A decoded history event with its position.
 *
 * @param eventId the event id (1-based, contiguous)
 * @param time when it was recorded, epoch milliseconds
 * @param event its attributes
 */
public record StoredEvent(long eventId, long time, Event event) {}
