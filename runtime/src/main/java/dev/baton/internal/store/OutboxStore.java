package dev.baton.internal.store;

import static dev.baton.internal.jooq.Tables.BATON_OUTBOX;
import static dev.baton.internal.jooq.Tables.BATON_RUNS;
import static dev.baton.internal.jooq.Tables.BATON_WORKFLOW_TYPES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.WorkflowAlreadyStartedException;
import dev.baton.WorkflowStatus;
import dev.baton.internal.history.Event;
import dev.baton.internal.history.FailureData;
import dev.baton.internal.jooq.tables.records.BatonOutboxRecord;
import dev.baton.internal.json.Json;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Actions on other runs, written in the transaction that decides them and carried out after it
 * commits, each in a transaction of its own: start a child, tell a parent its child closed,
 * terminate a child whose parent closed, signal another workflow. Each row is carried out once: it
 * is deleted in the transaction that applies it.
 */
public final class OutboxStore {
  private static final Logger log = LoggerFactory.getLogger(OutboxStore.class);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  static final String START_CHILD = "START_CHILD";
  static final String CHILD_CLOSED = "CHILD_CLOSED";
  static final String TERMINATE = "TERMINATE";
  static final String SIGNAL = "SIGNAL";
  static final String CANCEL = "CANCEL";

  /** The parent-close policy that terminates the child. */
  public static final String TERMINATE_POLICY = "TERMINATE";

  /** The parent-close policy that asks the child to cancel. */
  public static final String REQUEST_CANCEL_POLICY = "REQUEST_CANCEL";

  private static final long MAX_RETRY_DELAY_MILLIS = 60_000;

  private final Database db;

  /** A store on {@code db}. */
  public OutboxStore(Database db) {
    this.db = db;
  }

  private static void insert(
      Tx tx,
      String kind,
      String sourceRunId,
      int sourceSeq,
      @Nullable String targetWorkflowId,
      @Nullable String targetRunId,
      ObjectNode payload) {
    tx.noteOutbox();
    tx.dsl()
        .insertInto(BATON_OUTBOX)
        .set(BATON_OUTBOX.OUTBOX_ID, UUID.randomUUID().toString())
        .set(BATON_OUTBOX.KIND, kind)
        .set(BATON_OUTBOX.SOURCE_RUN_ID, sourceRunId)
        .set(BATON_OUTBOX.SOURCE_SEQ, sourceSeq)
        .set(BATON_OUTBOX.TARGET_WORKFLOW_ID, targetWorkflowId)
        .set(BATON_OUTBOX.TARGET_RUN_ID, targetRunId)
        .set(BATON_OUTBOX.PAYLOAD, payload.toString())
        .set(BATON_OUTBOX.VISIBLE_AT, tx.now())
        .set(BATON_OUTBOX.ATTEMPTS, 0)
        .execute();
  }

  /** Records that {@code parent} asked to start {@code child}. */
  static void startChild(
      Tx tx, LockedRun parent, Event.StartChildWorkflowExecutionInitiated child) {
    ObjectNode payload =
        JSON.objectNode()
            .put("workflowType", child.workflowType())
            .put("taskQueue", child.taskQueue())
            .put("parentClosePolicy", child.parentClosePolicy())
            .put(
                "executionTimeoutMillis",
                child.executionTimeoutMillis() != null
                    ? child.executionTimeoutMillis()
                    : dev.baton.WorkflowOptions.MAX_EXECUTION_TIMEOUT.toMillis());
    payload.set("input", child.input());
    if (child.retry() != null) {
      payload.put("retry", ActivityStore.write(child.retry()));
    }
    insert(tx, START_CHILD, parent.runId(), child.seq(), child.workflowId(), null, payload);
  }

  /** Records that {@code source} asked to signal another workflow. */
  static void signalExternal(
      Tx tx, LockedRun source, Event.SignalExternalWorkflowExecutionInitiated signal) {
    ObjectNode payload = JSON.objectNode().put("signalName", signal.signalName());
    payload.set("input", signal.input());
    insert(tx, SIGNAL, source.runId(), signal.seq(), signal.workflowId(), null, payload);
  }

  /** Records that {@code source} asked to cancel another workflow's running run. */
  static void cancelExternal(
      Tx tx, LockedRun source, Event.RequestCancelExternalWorkflowExecutionInitiated cancel) {
    ObjectNode payload =
        JSON.objectNode()
            .put("reason", "requested by workflow " + source.row().getWorkflowId())
            .put("notifySource", true);
    insert(tx, CANCEL, source.runId(), cancel.seq(), cancel.workflowId(), null, payload);
  }

  /**
   * Records what the close of {@code run} (by {@code closing}) means for other runs: its parent
   * hears of it, and its running children whose policy says so are terminated (looked for only when
   * the run had children when it was locked: a child run is created in a transaction that locks its
   * parent).
   */
  static void runClosed(Tx tx, LockedRun run, Event closing) {
    runClosed(tx, run, closing, true);
  }

  /**
   * As {@link #runClosed(Tx, LockedRun, Event)}; {@code isFinal} is false for a failed run that a
   * new run retries, whose parent waits for the last.
   */
  static void runClosed(Tx tx, LockedRun run, Event closing, boolean isFinal) {
    String parentRunId = run.row().getParentRunId();
    if (parentRunId != null && isFinal) {
      ObjectNode payload = JSON.objectNode();
      if (closing instanceof Event.WorkflowExecutionCompleted completed) {
        payload.put("status", WorkflowStatus.COMPLETED.name()).set("result", completed.result());
      } else if (closing instanceof Event.WorkflowExecutionFailed failed) {
        payload.put("status", WorkflowStatus.FAILED.name());
        payload.set("failure", Json.mapper().valueToTree(failed.failure()));
      } else if (closing instanceof Event.WorkflowExecutionTimedOut) {
        payload.put("status", WorkflowStatus.TIMED_OUT.name());
      } else if (closing instanceof Event.WorkflowExecutionCanceled) {
        payload.put("status", WorkflowStatus.CANCELLED.name());
      } else if (closing instanceof Event.WorkflowExecutionTerminated terminated) {
        payload.put("status", WorkflowStatus.TERMINATED.name()).put("reason", terminated.reason());
      }
      insert(tx, CHILD_CLOSED, run.runId(), run.row().getParentSeq(), null, parentRunId, payload);
    }
    if (!run.rowsAtLock().children()) {
      return; // it has never had a child
    }
    List<String[]> children =
        CHILDREN_TO_CLOSE.queryList(
            tx,
            row -> new String[] {row.getString(1), row.getString(2)},
            run.runId(),
            WorkflowStatus.RUNNING.name(),
            TERMINATE_POLICY,
            REQUEST_CANCEL_POLICY);
    for (String[] child : children) {
      String policy = child[1];
      ObjectNode payload =
          JSON.objectNode()
              .put(
                  "reason",
                  "its parent workflow "
                      + run.row().getWorkflowId()
                      + " closed (policy "
                      + policy
                      + ")");
      insert(
          tx,
          policy.equals(TERMINATE_POLICY) ? TERMINATE : CANCEL,
          run.runId(),
          0,
          null,
          child[0],
          payload);
    }
  }

  /** The running children of a run whose parent-close policy acts on them. */
  private static final RenderedSql CHILDREN_TO_CLOSE =
      new RenderedSql(
          "children to close",
          List.of("\u0001run", "\u0001status", "\u0001policy#0", "\u0001policy#1"),
          tx ->
              tx.dsl()
                  .select(BATON_RUNS.RUN_ID, BATON_RUNS.PARENT_CLOSE_POLICY)
                  .from(BATON_RUNS)
                  .where(BATON_RUNS.PARENT_RUN_ID.eq("\u0001run"))
                  .and(BATON_RUNS.STATUS.eq("\u0001status"))
                  .and(BATON_RUNS.PARENT_CLOSE_POLICY.in("\u0001policy#0", "\u0001policy#1")));

  /**
   * Carries out up to {@code max} due actions, each in a transaction of its own. An action that
   * fails is retried later with back-off. Returns how many were carried out.
   */
  public int relay(int max) {
    List<String> due =
        db.transact(
            tx ->
                tx.dsl()
                    .select(BATON_OUTBOX.OUTBOX_ID)
                    .from(BATON_OUTBOX)
                    .where(BATON_OUTBOX.VISIBLE_AT.le(tx.now()))
                    .orderBy(BATON_OUTBOX.VISIBLE_AT, BATON_OUTBOX.SOURCE_SEQ)
                    .limit(max)
                    .fetch(BATON_OUTBOX.OUTBOX_ID));
    int done = 0;
    for (String id : due) {
      try {
        if (db.transact(tx -> carryOut(tx, id))) {
          done++;
        }
      } catch (RuntimeException e) {
        log.warn("Outbox action {} failed; it will be retried", id, e);
        postpone(id, e);
      }
    }
    return done;
  }

  private void postpone(String id, RuntimeException failure) {
    db.transact(
        tx -> {
          var o = BATON_OUTBOX;
          BatonOutboxRecord row =
              tx.dsl().selectFrom(o).where(o.OUTBOX_ID.eq(id)).forUpdate().fetchOne();
          if (row != null) {
            long delay =
                Math.min(MAX_RETRY_DELAY_MILLIS, 1_000L << Math.min(row.getAttempts(), 16));
            row.setAttempts(row.getAttempts() + 1)
                .setVisibleAt(tx.now() + delay)
                .setLastError(String.valueOf(failure))
                .update();
          }
          return null;
        });
  }

  private boolean carryOut(Tx tx, String id) {
    var o = BATON_OUTBOX;
    BatonOutboxRecord row =
        tx.dsl().selectFrom(o).where(o.OUTBOX_ID.eq(id)).forUpdate().skipLocked().fetchOne();
    if (row == null) {
      return false; // carried out by another process
    }
    JsonNode payload = ActivityStore.read(row.getPayload(), JsonNode.class);
    switch (row.getKind()) {
      case START_CHILD -> startChild(tx, row, payload);
      case CHILD_CLOSED -> childClosed(tx, row, payload);
      case TERMINATE -> {
        LockedRun run = LockedRun.lock(tx, row.getTargetRunId());
        if (run != null && run.isRunning()) {
          terminate(tx, run, payload.path("reason").asText());
        }
      }
      case SIGNAL -> signal(tx, row, payload);
      case CANCEL -> cancel(tx, row, payload);
      default -> throw new IllegalStateException("Unknown outbox action " + row.getKind());
    }
    row.delete();
    return true;
  }

  private static void startChild(Tx tx, BatonOutboxRecord row, JsonNode payload) {
    LockedRun parent = LockedRun.lock(tx, row.getSourceRunId());
    String policy = payload.path("parentClosePolicy").asText();
    if ((parent == null || !parent.isRunning()) && policy.equals(TERMINATE_POLICY)) {
      return; // the parent closed before its child could start: the child would be terminated
    }
    String childId = row.getTargetWorkflowId();
    String type = payload.path("workflowType").asText();
    int seq = row.getSourceSeq();
    Event outcome;
    if (!tx.dsl().fetchExists(BATON_WORKFLOW_TYPES, BATON_WORKFLOW_TYPES.NAME.eq(type))) {
      outcome =
          new Event.StartChildWorkflowExecutionFailed(
              seq,
              childId,
              "UNKNOWN_WORKFLOW_TYPE",
              "No worker has registered workflow type '"
                  + type
                  + "' in this database: start a worker with registerWorkflow(...) for it, and"
                  + " check the type name");
    } else {
      try {
        String runId =
            WorkflowStore.insertRun(
                tx,
                childId,
                type,
                payload.path("taskQueue").asText(),
                payload.path("input"),
                row.getOutboxId(),
                new RunSettings(
                    new WorkflowStore.ParentLink(row.getSourceRunId(), seq, policy),
                    payload.hasNonNull("retry") ? payload.get("retry").asText() : null,
                    1,
                    0,
                    dev.baton.WorkflowIdReusePolicy.ALLOW_DUPLICATE,
                    payload.path("executionTimeoutMillis").asLong()));
        outcome = new Event.ChildWorkflowExecutionStarted(seq, childId, runId);
      } catch (WorkflowAlreadyStartedException e) {
        outcome =
            new Event.StartChildWorkflowExecutionFailed(
                seq, childId, "WORKFLOW_ALREADY_RUNNING", e.getMessage());
      }
    }
    if (parent != null && parent.isRunning()) {
      parent.append(outcome);
      parent.ensureWorkflowTaskScheduled();
      parent.flush();
    }
  }

  private static void childClosed(Tx tx, BatonOutboxRecord row, JsonNode payload) {
    LockedRun parent = LockedRun.lock(tx, row.getTargetRunId());
    if (parent == null || !parent.isRunning()) {
      return; // the parent closed first (and abandoned this child)
    }
    int seq = row.getSourceSeq();
    String status = payload.path("status").asText();
    Event event =
        switch (status) {
          case "COMPLETED" -> new Event.ChildWorkflowExecutionCompleted(seq, payload.get("result"));
          case "FAILED" ->
              new Event.ChildWorkflowExecutionFailed(
                  seq, Json.mapper().convertValue(payload.get("failure"), FailureData.class));
          case "CANCELLED" -> new Event.ChildWorkflowExecutionCanceled(seq);
          case "TIMED_OUT" -> new Event.ChildWorkflowExecutionTimedOut(seq);
          default ->
              new Event.ChildWorkflowExecutionTerminated(seq, payload.path("reason").asText());
        };
    parent.append(event);
    parent.ensureWorkflowTaskScheduled();
    parent.flush();
  }

  /** Terminates the running, locked run and records what that means for its relatives. */
  static void terminate(Tx tx, LockedRun run, String reason) {
    Event.WorkflowExecutionTerminated terminated = new Event.WorkflowExecutionTerminated(reason);
    run.append(terminated);
    WorkflowStore.deleteRunTasks(tx, run);
    WorkflowStore.close(tx, run, WorkflowStatus.TERMINATED, null, null);
    run.flush();
    runClosed(tx, run, terminated);
  }

  private static void signal(Tx tx, BatonOutboxRecord row, JsonNode payload) {
    String targetRunId = WorkflowStore.currentRunId(tx, row.getTargetWorkflowId());
    boolean toItself = row.getSourceRunId().equals(targetRunId);
    LockedRun target = targetRunId == null ? null : LockedRun.lock(tx, targetRunId);
    LockedRun source = toItself ? target : LockedRun.lock(tx, row.getSourceRunId());
    String signalName = payload.path("signalName").asText();
    Event outcome;
    if (target == null || !target.isRunning()) {
      outcome =
          new Event.SignalExternalWorkflowExecutionFailed(
              row.getSourceSeq(),
              "WORKFLOW_NOT_FOUND",
              "No running run of workflow '" + row.getTargetWorkflowId() + "' to signal");
    } else if (!acceptsSignal(tx, target.row().getWorkflowType(), signalName)) {
      outcome =
          new Event.SignalExternalWorkflowExecutionFailed(
              row.getSourceSeq(),
              "UNKNOWN_SIGNAL",
              "Workflow type "
                  + target.row().getWorkflowType()
                  + " has no signal named '"
                  + signalName
                  + "'");
    } else {
      target.append(new Event.SignalReceived(signalName, payload.get("input"), row.getOutboxId()));
      target.ensureWorkflowTaskScheduled();
      outcome = new Event.ExternalWorkflowExecutionSignaled(row.getSourceSeq());
    }
    if (source != null && source.isRunning()) {
      source.append(outcome);
      source.ensureWorkflowTaskScheduled();
    }
    if (target != null) {
      target.flush();
    }
    if (source != null && !toItself) {
      source.flush();
    }
  }

  private static void cancel(Tx tx, BatonOutboxRecord row, JsonNode payload) {
    String targetRunId =
        row.getTargetRunId() != null
            ? row.getTargetRunId()
            : WorkflowStore.currentRunId(tx, row.getTargetWorkflowId());
    boolean toItself = row.getSourceRunId().equals(targetRunId);
    LockedRun target = targetRunId == null ? null : LockedRun.lock(tx, targetRunId);
    Event outcome;
    if (target == null || !target.isRunning()) {
      outcome =
          new Event.RequestCancelExternalWorkflowExecutionFailed(
              row.getSourceSeq(),
              "WORKFLOW_NOT_FOUND",
              "No running run of workflow '" + row.getTargetWorkflowId() + "' to cancel");
    } else {
      WorkflowStore.requestCancel(tx, target, payload.path("reason").asText());
      outcome = new Event.ExternalWorkflowExecutionCancelRequested(row.getSourceSeq());
    }
    LockedRun source =
        !payload.path("notifySource").asBoolean()
            ? null
            : toItself ? target : LockedRun.lock(tx, row.getSourceRunId());
    if (source != null && source.isRunning()) {
      source.append(outcome);
      source.ensureWorkflowTaskScheduled();
    }
    if (target != null) {
      target.flush();
    }
    if (source != null && !toItself) {
      source.flush();
    }
  }

  private static boolean acceptsSignal(Tx tx, String workflowType, String signalName) {
    List<String> accepted = WorkflowStore.registeredSignals(tx, workflowType);
    return accepted != null && accepted.contains(signalName);
  }
}
