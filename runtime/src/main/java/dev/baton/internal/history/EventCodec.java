package dev.baton.internal.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.baton.internal.json.Json;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads and writes the JSON attributes of history events. */
public final class EventCodec {
  private static final Map<String, Class<? extends Event>> TYPES =
      Stream.of(Event.class.getPermittedSubclasses())
          .map(c -> c.asSubclass(Event.class))
          .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

  private EventCodec() {}

  /** The attributes of {@code event} as JSON text. */
  public static String write(Event event) {
    try {
      return Json.mapper().writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise history event " + event.typeName(), e);
    }
  }

  /** The event of type {@code typeName} with the given JSON attributes. */
  public static Event read(String typeName, String attributesJson) {
    Class<? extends Event> type = TYPES.get(typeName);
    if (type == null) {
      throw new IllegalStateException(
          "Unknown history event type " + typeName + "; is this Baton older than the history?");
    }
    try {
      return Json.mapper().readValue(attributesJson, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "Cannot read history event " + typeName + ": " + e.getMessage(), e);
    }
  }
}
