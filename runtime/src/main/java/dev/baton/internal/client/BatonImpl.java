package dev.baton.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.ActivityCompletionClient;
import dev.baton.Baton;
import dev.baton.HistoryEvent;
import dev.baton.QueryFailedException;
import dev.baton.QueryType;
import dev.baton.RunFilter;
import dev.baton.RunPage;
import dev.baton.SignalType;
import dev.baton.TypeRef;
import dev.baton.UnknownWorkflowTypeException;
import dev.baton.Worker;
import dev.baton.WorkerOptions;
import dev.baton.WorkflowDescription;
import dev.baton.WorkflowHandle;
import dev.baton.WorkflowNotFoundException;
import dev.baton.WorkflowOptions;
import dev.baton.WorkflowType;
import dev.baton.internal.Services;
import dev.baton.internal.Wakeup;
import dev.baton.internal.history.RetryPolicyData;
import dev.baton.internal.jooq.tables.records.BatonWorkflowTasksRecord;
import dev.baton.internal.json.Json;
import dev.baton.internal.store.EagerWorkflowTask;
import dev.baton.internal.store.HistoryTransfer;
import dev.baton.internal.store.QueryStore;
import dev.baton.internal.store.RunInfo;
import dev.baton.internal.store.RunSettings;
import dev.baton.internal.store.WorkflowStore;
import dev.baton.internal.worker.WorkerImpl;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** The {@link Baton} implementation: client operations and the workers it started. */
public final class BatonImpl implements Baton {
  private static final long NO_WORKER_AFTER_MILLIS = 10_000;

  /** The longest workflow id, in characters. */
  public static final int MAX_WORKFLOW_ID_LENGTH = 255;

  private static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(10);

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

  /** What this instance's client and workers share; for Baton's own tools (the benchmarks). */
  public Services services() {
    return services;
  }

  @Override
  public Worker newWorker(String taskQueue) {
    return newWorker(taskQueue, WorkerOptions.getDefault());
  }

  @Override
  public Worker newWorker(String taskQueue, WorkerOptions options) {
    Objects.requireNonNull(options, "options");
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
    JsonNode input = encodeChecked("workflow " + type.name(), type.parameterTypes(), arguments);
    String taskQueue = options.taskQueue() != null ? options.taskQueue() : type.taskQueue();
    String requestId =
        options.requestId() != null ? options.requestId() : UUID.randomUUID().toString();
    for (WorkerImpl worker : workers) {
      if (worker.reserveFirstTask(type.name(), taskQueue) != null) {
        // Registered by this worker, so known in the database: the worker runs the first task
        // before the start commits, and the two commit together.
        String runId =
            worker.startWithFirstTask(workflowId, type.name(), input, requestId, settings(options));
        if (runId != null) {
          return new WorkflowHandleImpl<>(services, type, workflowId, runId);
        }
      }
      EagerWorkflowTask eager = worker.reserveFirstTask(type.name(), taskQueue);
      if (eager != null) { // registered by this worker, so known in the database
        return startEagerly(type, options, input, taskQueue, requestId, worker, eager);
      }
    }
    if (!services.workflows().isWorkflowTypeRegistered(type.name())) {
      throw new UnknownWorkflowTypeException(
          "No worker has registered workflow type '"
              + type.name()
              + "' in this database. Start a"
              + " worker with registerWorkflow(...) for it first, and check the type name.");
    }
    String runId =
        services
            .workflows()
            .startRun(workflowId, type.name(), taskQueue, input, requestId, settings(options));
    services.wakeups().workflowTasks().signal();
    return new WorkflowHandleImpl<>(services, type, workflowId, runId);
  }

  /**
   * Starts a run whose first task is leased to {@code worker} of this process in the start's commit
   * (eager dispatch), and hands the task to it.
   */
  private <R> WorkflowHandle<R> startEagerly(
      WorkflowType<R> type,
      WorkflowOptions options,
      JsonNode input,
      String taskQueue,
      String requestId,
      WorkerImpl worker,
      EagerWorkflowTask eager) {
    WorkflowStore.StartedRun started;
    try {
      started =
          services
              .workflows()
              .startRun(
                  options.workflowId(),
                  type.name(),
                  taskQueue,
                  input,
                  requestId,
                  settings(options),
                  eager);
    } catch (RuntimeException e) {
      worker.cancelFirstTask();
      throw e;
    }
    if (started.firstTask() != null) {
      worker.runFirstTask(started.firstTask());
    } else {
      worker.cancelFirstTask();
      services.wakeups().workflowTasks().signal();
    }
    return new WorkflowHandleImpl<>(services, type, options.workflowId(), started.runId());
  }

  /** How a run started with {@code options} starts. */
  private static RunSettings settings(WorkflowOptions options) {
    return RunSettings.forStart(
        options.retry() == null ? null : RetryPolicyData.of(options.retry()),
        options.idReusePolicy(),
        options.executionTimeout().toMillis());
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
  public void signal(String workflowId, SignalType signal, Object... arguments) {
    checkOpen();
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(signal, "signal");
    RunInfo run = currentRun(workflowId);
    checkSignalAccepted(run.workflowType(), signal);
    JsonNode input = encodeChecked("signal " + signal.name(), signal.parameterTypes(), arguments);
    services.workflows().signal(workflowId, signal.name(), input, UUID.randomUUID().toString());
    services.wakeups().workflowTasks().signal();
  }

  @Override
  public <R> WorkflowHandle<R> signalWithStart(
      WorkflowType<R> type,
      WorkflowOptions options,
      Object[] startArguments,
      SignalType signal,
      Object... signalArguments) {
    checkOpen();
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(signal, "signal");
    checkWorkflowId(options.workflowId());
    JsonNode startInput =
        encodeChecked("workflow " + type.name(), type.parameterTypes(), startArguments);
    checkSignalAccepted(type.name(), signal);
    JsonNode signalInput =
        encodeChecked("signal " + signal.name(), signal.parameterTypes(), signalArguments);
    String taskQueue = options.taskQueue() != null ? options.taskQueue() : type.taskQueue();
    String requestId =
        options.requestId() != null ? options.requestId() : UUID.randomUUID().toString();
    String runId =
        services
            .workflows()
            .signalWithStart(
                options.workflowId(),
                type.name(),
                taskQueue,
                startInput,
                signal.name(),
                signalInput,
                requestId,
                settings(options));
    services.wakeups().workflowTasks().signal();
    return new WorkflowHandleImpl<>(services, type, options.workflowId(), runId);
  }

  private void checkSignalAccepted(String workflowType, SignalType signal) {
    List<String> accepted = services.workflows().registeredSignals(workflowType);
    if (accepted == null) {
      throw new UnknownWorkflowTypeException(
          "No worker has registered workflow type '"
              + workflowType
              + "' in this database. Start a"
              + " worker with registerWorkflow(...) for it first, and check the type name.");
    }
    if (!accepted.contains(signal.name())) {
      throw new IllegalArgumentException(
          "Workflow type "
              + workflowType
              + " has no signal named '"
              + signal.name()
              + "'; it accepts "
              + accepted);
    }
  }

  /** Encodes arguments, checking that they read back as their declared types. */
  private JsonNode encodeChecked(String what, List<TypeRef<?>> types, Object[] arguments) {
    Object[] args = arguments == null ? new Object[] {null} : arguments;
    JsonNode input = services.converter().encodeArguments(what, types, args);
    services.converter().checkRoundTrip(what, types, input);
    return input;
  }

  @Override
  public <R> R query(String workflowId, QueryType<R> query, Object... arguments) {
    return query(workflowId, DEFAULT_QUERY_TIMEOUT, query, arguments);
  }

  @Override
  public <R> R query(String workflowId, Duration timeout, QueryType<R> query, Object... arguments) {
    checkOpen();
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("A query timeout must be positive: " + timeout);
    }
    RunInfo run = currentRun(workflowId);
    JsonNode input = encodeChecked("query " + query.name(), query.parameterTypes(), arguments);
    String queryId =
        services
            .queries()
            .create(run.runId(), workflowId, run.taskQueue(), query.name(), input.toString());
    try {
      services.wakeups().queries().signal();
      QueryStore.Outcome outcome = awaitOutcome(queryId, timeout);
      if (outcome == null) {
        throw new QueryFailedException(
            "No worker answered query '"
                + query.name()
                + "' of workflow "
                + workflowId
                + " within "
                + timeout
                + ". Is a worker with workflow type "
                + run.workflowType()
                + " registered and polling task queue '"
                + run.taskQueue()
                + "'?");
      }
      if (outcome.error() != null) {
        throw new QueryFailedException(
            "Query '"
                + query.name()
                + "' of workflow "
                + workflowId
                + " failed: "
                + outcome.error());
      }
      @SuppressWarnings("unchecked")
      R answer =
          (R)
              services
                  .converter()
                  .decode(
                      "answer to query " + query.name(),
                      readTree(outcome.answerJson()),
                      query.resultType().type());
      return answer;
    } finally {
      services.queries().delete(queryId);
    }
  }

  private QueryStore.Outcome awaitOutcome(String queryId, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Wakeup answered = services.wakeups().queriesAnswered();
    long poll = 5;
    while (true) {
      long generation = answered.generation();
      QueryStore.Outcome outcome = services.queries().outcome(queryId);
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (outcome != null || left <= 0) {
        return outcome;
      }
      try {
        answered.await(generation, Math.min(left, poll));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
      poll = Math.min(poll * 2, 200);
    }
  }

  private static JsonNode readTree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Cannot read a stored answer: " + json, e);
    }
  }

  @Override
  public <R> WorkflowHandle<R> handle(WorkflowType<R> type, String workflowId) {
    Objects.requireNonNull(type, "type");
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
        pending,
        RunSteps.of(services.workflows().readHistory(run.runId(), 1)),
        services.activities().pending(run.runId()),
        stuckReason(run, task));
  }

  /** Why a running run is not progressing, when its workflow task says so. */
  private @Nullable String stuckReason(RunInfo run, @Nullable BatonWorkflowTasksRecord task) {
    if (task == null || run.status().isClosed()) {
      return null;
    }
    if (task.getLastFailure() != null) {
      String failure = task.getLastFailure();
      int end = failure.indexOf('\n');
      return "Its workflow task has failed "
          + (task.getAttempt() - 1)
          + " time(s) and is retried with back-off; the last failure: "
          + (end < 0 ? failure : failure.substring(0, end));
    }
    long waiting = services.workflows().now() - task.getVisibleAt();
    if ("SCHEDULED".equals(task.getState()) && waiting > NO_WORKER_AFTER_MILLIS) {
      return "No worker has taken its workflow task from task queue '"
          + task.getTaskQueue()
          + "' for "
          + waiting / 1000
          + " s: is a worker that registers workflow type "
          + run.workflowType()
          + " running on that queue?";
    }
    return null;
  }

  private RunInfo currentRun(String workflowId) {
    Objects.requireNonNull(workflowId, "workflowId");
    checkOpen();
    RunInfo run = services.workflows().findCurrentRun(workflowId);
    if (run == null) {
      throw new WorkflowNotFoundException("No run exists for workflow id '" + workflowId + "'");
    }
    return run;
  }

  @Override
  public String exportHistory(String workflowId) {
    RunInfo run = currentRun(workflowId);
    return new HistoryTransfer(services.database()).export(run);
  }

  @Override
  public String importHistory(String exportedJson) {
    Objects.requireNonNull(exportedJson, "exportedJson");
    checkOpen();
    return new HistoryTransfer(services.database()).importRun(exportedJson);
  }

  @Override
  public RunPage listRuns(RunFilter filter) {
    Objects.requireNonNull(filter, "filter");
    checkOpen();
    return services.workflows().listRuns(filter);
  }

  @Override
  public void cancel(String workflowId) {
    Objects.requireNonNull(workflowId, "workflowId");
    checkOpen();
    services.workflows().requestCancel(workflowId, "requested through the client");
    services.wakeups().workflowTasks().signal();
  }

  @Override
  public void terminate(String workflowId, String reason) {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(reason, "reason");
    checkOpen();
    services.workflows().terminate(workflowId, reason);
    services.wakeups().runsClosed().signal();
    services.wakeups().outbox().signal();
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
