package dev.baton.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.ActivityCompletionClient;
import dev.baton.Baton;
import dev.baton.HistoryEvent;
import dev.baton.UnknownWorkflowTypeException;
import dev.baton.Worker;
import dev.baton.WorkerOptions;
import dev.baton.WorkflowDescription;
import dev.baton.WorkflowHandle;
import dev.baton.WorkflowNotFoundException;
import dev.baton.WorkflowOptions;
import dev.baton.WorkflowType;
import dev.baton.internal.Services;
import dev.baton.internal.jooq.tables.records.BatonWorkflowTasksRecord;
import dev.baton.internal.store.RunInfo;
import dev.baton.internal.worker.WorkerImpl;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The {@link Baton} implementation: client operations and the workers it started. */
public final class BatonImpl implements Baton {
  /** The longest workflow id, in characters. */
  public static final int MAX_WORKFLOW_ID_LENGTH = 255;

  private final Services services;
  private final Runnable closeResources;
  private final ActivityCompletionClient completion;
  private final List<WorkerImpl> workers = new CopyOnWriteArrayList<>();
  private final String processIdentity;
  private final AtomicInteger workerCount = new AtomicInteger();
  private volatile boolean closed;

  /** An instance over {@code services}; {@code closeResources} runs last on {@link #close()}. */
  public BatonImpl(Services services, Runnable closeResources) {
    this.services = services;
    this.closeResources = closeResources;
    this.completion = new ActivityCompletionClientImpl(services);
    this.processIdentity =
        ManagementFactory.getRuntimeMXBean().getName()
            + ":"
            + UUID.randomUUID().toString().substring(0, 8);
  }

  @Override
  public Worker newWorker(String taskQueue) {
    return newWorker(taskQueue, WorkerOptions.getDefault());
  }

  @Override
  public Worker newWorker(String taskQueue, WorkerOptions options) {
    checkOpen();
    String identity = processIdentity + ":" + taskQueue + "#" + workerCount.incrementAndGet();
    WorkerImpl worker = new WorkerImpl(services, taskQueue, options, identity, workers::remove);
    workers.add(worker);
    return worker;
  }

  @Override
  public <R> WorkflowHandle<R> start(WorkflowType<R> type, String workflowId, Object... arguments) {
    return start(type, WorkflowOptions.of(workflowId), arguments);
  }

  @Override
  public <R> WorkflowHandle<R> start(
      WorkflowType<R> type, WorkflowOptions options, Object... arguments) {
    checkOpen();
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(options, "options");
    String workflowId = options.workflowId();
    checkWorkflowId(workflowId);
    Object[] args = arguments == null ? new Object[] {null} : arguments;
    String what = "workflow " + type.name();
    JsonNode input = services.converter().encodeArguments(what, type.parameterTypes(), args);
    services.converter().checkRoundTrip(what, type.parameterTypes(), input);
    if (!services.workflows().isWorkflowTypeRegistered(type.name())) {
      throw new UnknownWorkflowTypeException(
          "No worker has registered workflow type '"
              + type.name()
              + "' in this database. Start a"
              + " worker with registerWorkflow(...) for it first, and check the type name.");
    }
    String taskQueue = options.taskQueue() != null ? options.taskQueue() : type.taskQueue();
    String requestId =
        options.requestId() != null ? options.requestId() : UUID.randomUUID().toString();
    String runId =
        services.workflows().startRun(workflowId, type.name(), taskQueue, input, requestId);
    services.wakeups().workflowTasks().signal();
    return new WorkflowHandleImpl<>(services, type, workflowId, runId);
  }

  private static void checkWorkflowId(String workflowId) {
    if (workflowId.isEmpty()) {
      throw new IllegalArgumentException("A workflow id must not be empty");
    }
    if (workflowId.length() > MAX_WORKFLOW_ID_LENGTH) {
      throw new IllegalArgumentException(
          "A workflow id is at most "
              + MAX_WORKFLOW_ID_LENGTH
              + " characters; this one has "
              + workflowId.length()
              + " (starting '"
              + workflowId.substring(0, 40)
              + "...')."
              + " Use a shorter business key or a hash of it.");
    }
  }

  @Override
  public <R> WorkflowHandle<R> handle(WorkflowType<R> type, String workflowId) {
    RunInfo run = currentRun(workflowId);
    return new WorkflowHandleImpl<>(services, type, workflowId, run.runId());
  }

  @Override
  public List<HistoryEvent> history(String workflowId) {
    RunInfo run = currentRun(workflowId);
    List<HistoryEvent> events = new ArrayList<>();
    for (var row : services.workflows().readRawHistory(run.runId())) {
      events.add(
          new HistoryEvent(
              row.value1(), row.value3(), Instant.ofEpochMilli(row.value2()), row.value4()));
    }
    return events;
  }

  @Override
  public WorkflowDescription describe(String workflowId) {
    RunInfo run = currentRun(workflowId);
    BatonWorkflowTasksRecord task = services.workflows().findWorkflowTask(run.runId());
    WorkflowDescription.PendingWorkflowTask pending =
        task == null
            ? null
            : new WorkflowDescription.PendingWorkflowTask(
                task.getAttempt(), "STARTED".equals(task.getState()), task.getLastFailure());
    return new WorkflowDescription(
        run.workflowId(),
        run.runId(),
        run.workflowType(),
        run.taskQueue(),
        run.status(),
        Instant.ofEpochMilli(run.startTime()),
        run.closeTime() == null ? null : Instant.ofEpochMilli(run.closeTime()),
        run.nextEventId() - 1,
        pending);
  }

  private RunInfo currentRun(String workflowId) {
    checkOpen();
    RunInfo run = services.workflows().findCurrentRun(workflowId);
    if (run == null) {
      throw new WorkflowNotFoundException("No run exists for workflow id '" + workflowId + "'");
    }
    return run;
  }

  @Override
  public ActivityCompletionClient activityCompletion() {
    return completion;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("This Baton instance is closed");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (WorkerImpl worker : List.copyOf(workers)) {
      worker.close();
    }
    closeResources.run();
  }
}
