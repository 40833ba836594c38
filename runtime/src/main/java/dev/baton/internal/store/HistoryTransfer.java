package dev.baton.internal.store;

import static dev.baton.internal.jooq.Tables.BATON_CURRENT_RUNS;
import static dev.baton.internal.jooq.Tables.BATON_HISTORY;
import static dev.baton.internal.jooq.Tables.BATON_RUNS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.WorkflowStatus;
import dev.baton.internal.history.Event;
import dev.baton.internal.history.EventCodec;
import dev.baton.internal.jooq.tables.records.BatonHistoryRecord;
import dev.baton.internal.jooq.tables.records.BatonRunsRecord;
import dev.baton.internal.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports a run's history as JSON (the format the replay harness reads) and imports such a history,
 * with its run, into this database: to inspect a production run elsewhere, or to replay it against
 * new code.
 */
public final class HistoryTransfer {
  /** The format name and version written in every export. */
  public static final String FORMAT = "baton-history/1";

  private final Database db;

  /** A transfer through {@code db}. */
  public HistoryTransfer(Database db) {
    this.db = db;
  }

  /** The history of run {@code runId}, with the run's ids, type, queue and status, as JSON. */
  public String export(RunInfo run) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("format", FORMAT)
        .put("workflowId", run.workflowId())
        .put("runId", run.runId())
        .put("workflowType", run.workflowType())
        .put("taskQueue", run.taskQueue())
        .put("status", run.status().name());
    ArrayNode events = root.putArray("events");
    var h = BATON_HISTORY;
    for (var row :
        db.dsl()
            .select(h.EVENT_ID, h.EVENT_TIME, h.EVENT_TYPE, h.ATTRIBUTES)
            .from(h)
            .where(h.RUN_ID.eq(run.runId()))
            .orderBy(h.EVENT_ID)
            .fetch()) {
      ObjectNode event = events.addObject();
      event.put("eventId", row.value1()).put("time", row.value2()).put("type", row.value3());
      event.set("attributes", readTree(row.value4()));
    }
    return root.toString();
  }

  /**
   * Stores the run a {@link #export} wrote, closed as it was, as the only run of its workflow id
   * here. Returns the workflow id.
   *
   * @throws IllegalArgumentException if the JSON is not such an export, the run had not closed, or
   *     this database already has a run of that workflow id or run id; nothing is stored
   */
  public String importRun(String json) {
    JsonNode root = readTree(json);
    if (!FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(
          "Not a Baton history export: its format is '"
              + root.path("format").asText()
              + "', not '"
              + FORMAT
              + "'");
    }
    String workflowId = required(root, "workflowId");
    String runId = required(root, "runId");
    WorkflowStatus status;
    try {
      status = WorkflowStatus.valueOf(required(root, "status"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown run status " + root.path("status"), e);
    }
    if (!status.isClosed()) {
      throw new IllegalArgumentException(
          "Run "
              + runId
              + " of "
              + workflowId
              + " had not closed when it was exported; only closed runs can be imported");
    }
    List<BatonHistoryRecord> rows = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    long expectedId = 1;
    for (JsonNode node : root.path("events")) {
      if (node.path("eventId").asLong() != expectedId) {
        throw new IllegalArgumentException(
            "Event ids must run 1, 2, 3, ...; found " + node.path("eventId") + " at " + expectedId);
      }
      String type = required(node, "type");
      Event event;
      try {
        event = EventCodec.read(type, node.path("attributes").toString());
      } catch (IllegalStateException e) {
        throw new IllegalArgumentException(
            "Event " + expectedId + " cannot be read: " + e.getMessage(), e);
      }
      events.add(event);
      rows.add(
          new BatonHistoryRecord(
              runId,
              expectedId,
              type,
              node.path("time").asLong(),
              EventCodec.write(event),
              event.requestId()));
      expectedId++;
    }
    if (events.isEmpty() || !(events.get(0) instanceof Event.WorkflowExecutionStarted started)) {
      throw new IllegalArgumentException("A history starts with WorkflowExecutionStarted");
    }
    Event last = events.get(events.size() - 1);
    long startTime = rows.get(0).getEventTime();
    long closeTime = rows.get(rows.size() - 1).getEventTime();
    long nextEventId = expectedId;
    return db.transact(
        tx -> {
          boolean known =
              tx.dsl()
                      .fetchExists(
                          BATON_CURRENT_RUNS, BATON_CURRENT_RUNS.WORKFLOW_ID.eq(workflowId))
                  || tx.dsl().fetchExists(BATON_RUNS, BATON_RUNS.RUN_ID.eq(runId));
          if (known) {
            throw new IllegalArgumentException(
                "This database already has a run of workflow '"
                    + workflowId
                    + "' or run "
                    + runId
                    + "; import into one that has neither");
          }
          BatonRunsRecord run = tx.dsl().newRecord(BATON_RUNS);
          run.setRunId(runId)
              .setWorkflowId(workflowId)
              .setWorkflowType(started.workflowType())
              .setTaskQueue(started.taskQueue())
              .setStatus(status.name())
              .setInput(started.input().toString())
              .setResult(
                  last instanceof Event.WorkflowExecutionCompleted done
                      ? done.result().toString()
                      : null)
              .setFailure(
                  last instanceof Event.WorkflowExecutionFailed ? EventCodec.write(last) : null)
              .setNextEventId(nextEventId)
              .setStartTime(startTime)
              .setCloseTime(closeTime)
              .setStartRequestId("import:" + runId);
          tx.dsl().executeInsert(run);
          tx.dsl().batchInsert(rows).execute();
          tx.dsl()
              .insertInto(BATON_CURRENT_RUNS)
              .set(BATON_CURRENT_RUNS.WORKFLOW_ID, workflowId)
              .set(BATON_CURRENT_RUNS.RUN_ID, runId)
              .set(BATON_CURRENT_RUNS.STATUS, status.name())
              .execute();
          return workflowId;
        });
  }

  private static String required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new IllegalArgumentException("The history export has no '" + field + "'");
    }
    return value.asText();
  }

  private static JsonNode readTree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
