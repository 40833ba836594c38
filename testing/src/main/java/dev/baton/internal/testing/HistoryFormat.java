package dev.baton.internal.testing;

import dev.baton.HistoryEvent;
import java.util.List;

/** Formats a history for people: one line per event with its id, time, type and attributes. */
public final class HistoryFormat {
  private static final int MAX_ATTRIBUTES = 300;

  private HistoryFormat() {}

  /** The history of {@code workflowId}, with a heading. */
  public static String format(String workflowId, List<HistoryEvent> events) {
    StringBuilder out = new StringBuilder("History of workflow '").append(workflowId).append("'\n");
    for (HistoryEvent event : events) {
      String attributes = event.attributesJson();
      if (attributes.length() > MAX_ATTRIBUTES) {
        attributes = attributes.substring(0, MAX_ATTRIBUTES) + "...";
      }
      out.append(
          String.format(
              "%5d  %s  %-42s %s%n", event.eventId(), event.time(), event.type(), attributes));
    }
    return out.toString();
  }
}
