package dev.baton.internal.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.NonDeterministicException;
import dev.baton.internal.history.Event;
import dev.baton.internal.history.EventCodec;
import dev.baton.internal.history.StoredEvent;
import dev.baton.internal.json.Json;
import dev.baton.internal.json.PayloadConverter;
import dev.baton.internal.store.HistoryTransfer;
import dev.baton.internal.worker.Registrations;
import dev.baton.internal.workflow.LocalActivities;
import dev.baton.internal.workflow.WorkflowImplementation;
import dev.baton.internal.workflow.WorkflowInstance;
import dev.baton.testing.ReplayFailedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Replays one exported history through the engine's own replay path: a fresh {@link
 * WorkflowInstance}, as a worker builds on a cache miss, is given the whole history as one task.
 * Each recorded command is checked against what the code issues; recorded activity results, timers,
 * signals and local activity markers are handed to the code without running anything.
 */
public final class HistoryReplay {
  private static final Duration DEADLOCK_TIMEOUT = Duration.ofSeconds(10);

  private HistoryReplay() {}

  /**
   * Replays {@code json}, named {@code name} in failures (its workflow id when {@code null}), with
   * the class among {@code implementations} whose workflow type it records.
   */
  public static void replay(String json, @Nullable String name, List<Class<?>> implementations) {
    JsonNode root = parse(json);
    if (!HistoryTransfer.FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(
          "Not a Baton history export (format '"
              + root.path("format").asText()
              + "', expected '"
              + HistoryTransfer.FORMAT
              + "')");
    }
    String workflowId = root.path("workflowId").asText("replayed");
    String label = name != null ? name : "of workflow '" + workflowId + "'";
    List<StoredEvent> events = events(root);
    if (events.isEmpty()
        || !(events.get(0).event() instanceof Event.WorkflowExecutionStarted started)) {
      throw new IllegalArgumentException(
          "History " + label + " does not start with WorkflowExecutionStarted");
    }
    WorkflowImplementation<?> implementation = find(started.workflowType(), implementations);
    WorkflowInstance instance =
        new WorkflowInstance(
            root.path("runId").asText("replayed-run"),
            workflowId,
            started.taskQueue(),
            implementation,
            new PayloadConverter(Integer.MAX_VALUE),
            DEADLOCK_TIMEOUT);
    try {
      instance.processTask(events, events.get(events.size() - 1).time(), LocalActivities.NONE);
    } catch (NonDeterministicException e) {
      throw new ReplayFailedException(label, e.eventId(), e.recorded(), e.command(), e);
    } catch (RuntimeException e) {
      throw new ReplayFailedException(
          label, 0, "(the recorded run)", "workflow code threw " + e, e);
    } finally {
      instance.destroy();
    }
  }

  private static WorkflowImplementation<?> find(String typeName, List<Class<?>> implementations) {
    List<String> known = new ArrayList<>();
    for (Class<?> type : implementations) {
      WorkflowImplementation<?> implementation = Registrations.workflow(type);
      if (implementation.typeName().equals(typeName)) {
        return implementation;
      }
      known.add(implementation.typeName() + " (" + type.getName() + ")");
    }
    throw new IllegalArgumentException(
        "The history is of workflow type "
            + typeName
            + ", which none of the classes given implements: "
            + known);
  }

  private static List<StoredEvent> events(JsonNode root) {
    List<StoredEvent> events = new ArrayList<>();
    long expected = 1;
    for (JsonNode node : root.path("events")) {
      long id = node.path("eventId").asLong();
      if (id != expected) {
        throw new IllegalArgumentException(
            "Event ids must run 1, 2, 3, ...; found " + id + " where " + expected + " belongs");
      }
      Event event;
      try {
        event = EventCodec.read(node.path("type").asText(), node.path("attributes").toString());
      } catch (IllegalStateException e) {
        throw new IllegalArgumentException("Event " + id + " cannot be read: " + e.getMessage(), e);
      }
      events.add(new StoredEvent(id, node.path("time").asLong(), event));
      expected++;
    }
    return events;
  }

  private static JsonNode parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
