package dev.baton;

import java.time.Instant;

/**
 * One event of a run's history.
 *
 * @param eventId the event's position, counting from 1 with no gaps
 * @param type the event type, such as {@code ActivityTaskCompleted}
 * @param time when the event was recorded (the database's clock)
 * @param attributesJson the event's attributes as a JSON object
 */
public record HistoryEvent(long eventId, String type, Instant time, String attributesJson) {}
