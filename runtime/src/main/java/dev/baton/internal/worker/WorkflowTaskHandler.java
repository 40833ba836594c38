package dev.baton.internal.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.NonDeterministicException;
import dev.baton.internal.HaltPoints;
import dev.baton.internal.Services;
import dev.baton.internal.activity.NextWorkflowTask;
import dev.baton.internal.history.Event;
import dev.baton.internal.history.StoredEvent;
import dev.baton.internal.store.ClaimedActivityTask;
import dev.baton.internal.store.ClaimedWorkflowTask;
import dev.baton.internal.store.Committer;
import dev.baton.internal.store.CompletionResult;
import dev.baton.internal.store.DueTimer;
import dev.baton.internal.store.EagerActivities;
import dev.baton.internal.store.EagerWorkflowTask;
import dev.baton.internal.store.RunSettings;
import dev.baton.internal.store.TimerResumer;
import dev.baton.internal.store.TimerWorkflowTask;
import dev.baton.internal.store.WorkflowStore;
import dev.baton.internal.workflow.LocalActivities;
import dev.baton.internal.workflow.LocalActivityOutcome;
import dev.baton.internal.workflow.LocalActivityRequest;
import dev.baton.internal.workflow.WorkflowImplementation;
import dev.baton.internal.workflow.WorkflowInstance;
import dev.baton.internal.workflow.WorkflowTaskResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works one workflow task: brings the run's instance up to date (from the cache, or by replaying
 * history), runs its code, and commits the commands, fenced by the lease token. No transaction is
 * open while the code runs.
 */
final class WorkflowTaskHandler {
  private static final Logger log = LoggerFactory.getLogger(WorkflowTaskHandler.class);
  private static final long MAX_RETRY_DELAY_MILLIS = 60_000;

  private final Services services;
  private final Registry registry;
  private final WorkflowCache cache;
  private final String identity;
  private final String taskQueue;
  private final Duration deadlockTimeout;
  private final LocalActivityRunner localActivities;
  private final long leaseMillis;
  private final EagerActivityDispatch eagerActivities;
  private final Committer committer;

  WorkflowTaskHandler(
      Services services,
      Registry registry,
      WorkflowCache cache,
      String identity,
      String taskQueue,
      Duration deadlockTimeout,
      LocalActivityRunner localActivities,
      long leaseMillis,
      EagerActivityDispatch eagerActivities,
      Committer committer) {
    this.eagerActivities = eagerActivities;
    this.committer = committer;
    this.deadlockTimeout = deadlockTimeout;
    this.localActivities = localActivities;
    this.leaseMillis = leaseMillis;
    this.services = services;
    this.registry = registry;
    this.cache = cache;
    this.identity = identity;
    this.taskQueue = taskQueue;
  }

  void handle(ClaimedWorkflowTask task) {
    HaltPoints.reach("afterClaim");
    WorkflowImplementation<?> implementation = registry.workflow(task.workflowType());
    if (implementation == null) {
      fail(
          task,
          "Workflow type "
              + task.workflowType()
              + " is not registered on worker "
              + identity
              + " polling task queue "
              + taskQueue,
          null);
      return;
    }
    WorkflowInstance instance = cache.take(task.runId());
    LocalActivityRunner.Batch batch =
        localActivities.newBatch(
            () -> services.workflows().extendLease(task, leaseMillis), leaseMillis / 3);
    try {
      if (instance == null) {
        instance =
            new WorkflowInstance(
                task.runId(),
                task.workflowId(),
                taskQueue,
                implementation,
                services.converter(),
                deadlockTimeout);
      }
      instance.setTaskAttempt(task.attempt());
      List<StoredEvent> events =
          task.tail() != null && instance.hasProcessedAllBefore(task.tail().fromEventId())
              ? task.tail().events() // what the commit that leased the task appended
              : services.workflows().readHistory(task.runId(), instance.nextEventId());
      WorkflowTaskResult result = instance.processTask(events, task.startedAt(), batch);
      batch.close(); // those still running belong to a run that has closed
      WorkflowInstance working = instance;
      instance = null; // handed over
      commitTask(task, working, result);
    } catch (RuntimeException e) {
      taskFailed(task, e);
    } finally {
      batch.close();
      if (instance != null) {
        instance.destroy();
      }
    }
  }

  /**
   * Commits {@code result}, the commands {@code instance} gave for {@code task}; then caches or
   * destroys the instance.
   */
  private void commitTask(
      ClaimedWorkflowTask task, WorkflowInstance instance, WorkflowTaskResult result) {
    boolean handedOver = false;
    try {
      HaltPoints.reach("beforeCommit");
      EagerActivities grant = eagerActivities.reserve(result.commands(), false);
      CompletionResult completion =
          commit(
              grant,
              false,
              () ->
                  services
                      .workflows()
                      .complete(
                          committer,
                          task,
                          identity,
                          result.expectedNextEventId(),
                          result.lastSeenEventId(),
                          result.commands(),
                          grant));
      handedOver = true;
      afterCommit(task, instance, result, grant, false, completion);
    } finally {
      if (!handedOver) {
        instance.destroy();
      }
    }
  }

  /** Logs why {@code task} could not be worked, and records its failure where that is due. */
  private void taskFailed(ClaimedWorkflowTask task, RuntimeException e) {
    if (e instanceof WorkflowTaskLeaseLostException) {
      log.warn("Workflow task of {} (run {}): {}", task.workflowId(), task.runId(), e.getMessage());
    } else if (e instanceof NonDeterministicException) {
      log.error("Workflow {} (run {}): {}", task.workflowId(), task.runId(), e.getMessage());
      fail(task, e.getMessage(), null);
    } else {
      log.error("Workflow task of {} (run {}) failed", task.workflowId(), task.runId(), e);
      fail(task, e.getMessage(), e);
    }
  }

  /**
   * Starts a run of {@code workflowType} whose first workflow task this worker works at once, in
   * the workflow slot the caller set aside, before the start commits: the code runs on the run's
   * first events at an estimate of the database's now (never ahead of it), and the start commits
   * together with the task's commands, the activities they schedule leased to this worker when it
   * has slots. So a start costs one commit, not two. {@code started} learns the run id as soon as
   * the start has committed (or {@code null}, when nothing was recorded because the code failed its
   * task: the caller then starts the run the usual way, which runs the task again and records how
   * it fails), or what failed it, such as {@link dev.baton.WorkflowAlreadyStartedException}.
   *
   * <p>A local activity has effects outside the database, which must not precede the run: when the
   * code calls one, the start commits first, its first task leased to this worker at the time the
   * code saw ({@code lease}), and the task goes on as any other.
   */
  void startWithFirstTask(
      String workflowId,
      String workflowType,
      JsonNode input,
      String requestId,
      RunSettings settings,
      EagerWorkflowTask lease,
      CompletableFuture<@Nullable String> started) {
    try {
      WorkflowImplementation<?> implementation = registry.workflow(workflowType);
      long startTime = services.database().estimatedNow();
      if (implementation == null || settings.firstTaskDelayMillis() != 0) {
        started.complete(null);
        return;
      }
      String runId = UUID.randomUUID().toString();
      try (FirstTaskStart start =
          new FirstTaskStart(
              runId,
              workflowId,
              workflowType,
              input,
              requestId,
              settings,
              lease,
              startTime,
              started)) {
        startWithFirstTask(implementation, start);
      }
    } catch (RuntimeException | Error e) {
      if (!started.completeExceptionally(e)) {
        throw e; // after the start committed: the task's own failure
      }
    }
  }

  private void startWithFirstTask(WorkflowImplementation<?> implementation, FirstTaskStart start) {
    WorkflowInstance instance =
        new WorkflowInstance(
            start.runId,
            start.workflowId,
            taskQueue,
            implementation,
            services.converter(),
            deadlockTimeout);
    try {
      instance.setTaskAttempt(1);
      List<StoredEvent> events =
          List.of(
              new StoredEvent(
                  1,
                  start.startTime,
                  new Event.WorkflowExecutionStarted(
                      start.workflowType, taskQueue, start.input, null)),
              new StoredEvent(2, start.startTime, new Event.WorkflowTaskScheduled(taskQueue)));
      WorkflowTaskResult code;
      try {
        code = instance.processTask(events, start.startTime, start);
      } catch (RuntimeException e) {
        if (start.task == null) {
          start.started.complete(null); // nothing recorded
        } else {
          taskFailed(start.task, e);
        }
        return;
      }
      start.close();
      if (start.task != null) { // started for a local activity: the task commits as any other
        WorkflowInstance working = instance;
        instance = null;
        commitTask(start.task, working, code);
        return;
      }
      HaltPoints.reach("beforeCommit");
      EagerActivities grant = eagerActivities.reserve(code.commands(), false);
      WorkflowStore.StartedWithTask committed =
          commit(
              grant,
              false,
              () ->
                  services
                      .workflows()
                      .startRunWithWorkflowTask(
                          committer,
                          start.runId,
                          start.workflowId,
                          start.workflowType,
                          taskQueue,
                          start.input,
                          start.requestId,
                          start.settings,
                          identity,
                          start.startTime,
                          code.commands(),
                          grant));
      start.started.complete(committed.runId());
      WorkflowInstance working = instance;
      instance = null; // handed over to the cache or destroyed
      ClaimedWorkflowTask task =
          new ClaimedWorkflowTask(
              committed.runId(), start.workflowId, start.workflowType, "", 1, start.startTime);
      afterCommit(task, working, code, grant, false, committed.completion());
    } finally {
      if (instance != null) {
        instance.destroy();
      }
    }
  }

  /**
   * The local activities of a first workflow task worked before its run's start commits: the first
   * one commits the start, with the task leased to this worker, and they run as in any task.
   */
  private final class FirstTaskStart implements LocalActivities, AutoCloseable {
    private final String runId;
    private final String workflowId;
    private final String workflowType;
    private final JsonNode input;
    private final String requestId;
    private final RunSettings settings;
    private final EagerWorkflowTask lease;
    private final long startTime;
    private final CompletableFuture<@Nullable String> started;
    private @Nullable LocalActivityRunner.Batch batch;

    /** The first task, once the start committed for a local activity. */
    @Nullable ClaimedWorkflowTask task;

    FirstTaskStart(
        String runId,
        String workflowId,
        String workflowType,
        JsonNode input,
        String requestId,
        RunSettings settings,
        EagerWorkflowTask lease,
        long startTime,
        CompletableFuture<@Nullable String> started) {
      this.runId = runId;
      this.workflowId = workflowId;
      this.workflowType = workflowType;
      this.input = input;
      this.requestId = requestId;
      this.settings = settings;
      this.lease = lease;
      this.startTime = startTime;
      this.started = started;
    }

    @Override
    public boolean isRegistered(String activityType) {
      return registry.activity(activityType) != null;
    }

    @Override
    public void start(LocalActivityRequest request) {
      if (batch == null) {
        WorkflowStore.StartedRun committed;
        try {
          committed =
              services
                  .workflows()
                  .startRunLeasedAt(
                      runId,
                      workflowId,
                      workflowType,
                      taskQueue,
                      input,
                      requestId,
                      settings,
                      lease,
                      startTime);
        } catch (RuntimeException e) {
          started.completeExceptionally(e); // not started: the caller learns why
          throw e;
        }
        if (!committed.runId().equals(runId) || committed.firstTask() == null) {
          // A retry of a start that committed before: that run goes on without this code.
          if (committed.firstTask() != null) {
            services.workflows().release(committed.firstTask());
            services.wakeups().workflowTasks().signal();
          }
          started.complete(committed.runId());
          throw new WorkflowTaskLeaseLostException(
              "The start was a retry of one that committed run " + committed.runId());
        }
        started.complete(runId);
        ClaimedWorkflowTask first = committed.firstTask();
        task = first;
        batch =
            localActivities.newBatch(
                () -> services.workflows().extendLease(first, leaseMillis), leaseMillis / 3);
      }
      batch.start(request);
    }

    @Override
    public LocalActivityOutcome next() {
      if (batch == null) {
        throw new IllegalStateException("No local activity was started");
      }
      return batch.next();
    }

    @Override
    public void close() {
      if (batch != null) {
        batch.close();
      }
    }
  }

  /**
   * Records {@code activity}'s completion together with the workflow task that runs its result, in
   * one commit, when this worker holds the run in its cache and has processed all of its history:
   * the code runs on the events the commit will append, before the commit. Returns {@code false},
   * having recorded nothing, when it cannot (the caller records the completion alone); {@code true}
   * when the completion is recorded, with the workflow task or, when the run had moved on
   * meanwhile, alone.
   *
   * @throws dev.baton.ActivityLeaseLostException if the activity's lease is no longer valid
   */
  NextWorkflowTask.Combined completeActivityWithWorkflowTask(
      ClaimedActivityTask activity, JsonNode result) {
    String runId = activity.token().runId();
    WorkflowInstance instance = cache.take(runId);
    if (instance == null) {
      return NextWorkflowTask.Combined.NOT_RECORDED;
    }
    long nextEventId = instance.endOfProcessedHistory();
    if (nextEventId < 0) {
      cache.put(instance).forEach(WorkflowInstance::destroy);
      return NextWorkflowTask.Combined.NOT_RECORDED;
    }
    LocalActivityRunner.Batch batch = localActivities.newBatch(() -> true, leaseMillis / 3);
    try {
      // The database's now without a round trip: the lease's start plus the time measured since.
      long taskTime = services.database().nowSince(activity.leasedAt(), activity.leasedAtNanos());
      int seq = activity.token().seq();
      List<StoredEvent> events =
          List.of(
              new StoredEvent(
                  nextEventId,
                  taskTime,
                  new Event.ActivityTaskStarted(
                      seq, activity.attempt(), identity, activity.token().leaseToken())),
              new StoredEvent(
                  nextEventId + 1, taskTime, new Event.ActivityTaskCompleted(seq, result)),
              new StoredEvent(
                  nextEventId + 2, taskTime, new Event.WorkflowTaskScheduled(taskQueue)));
      instance.setTaskAttempt(1);
      WorkflowTaskResult code;
      try {
        code = instance.processTask(events, taskTime, batch);
      } catch (RuntimeException e) {
        // The next workflow task meets this again, on the record.
        return NextWorkflowTask.Combined.NOT_RECORDED;
      }
      batch.close();
      HaltPoints.reach("beforeCommit");
      // This thread's activity slot is free once the commit is done: the next activity the
      // commit leases to this worker runs in it, on this thread, without a hand-off.
      EagerActivities grant = eagerActivities.reserve(code.commands(), true);
      CompletionResult completion =
          commit(
              grant,
              true,
              () ->
                  services
                      .workflows()
                      .completeActivityWithWorkflowTask(
                          committer,
                          activity.workflowId(),
                          activity.token(),
                          result,
                          identity,
                          nextEventId,
                          taskTime,
                          code.commands(),
                          grant));
      if (completion == null) { // the run moved on: the completion alone was recorded
        eagerActivities.cancel(grant, true);
        services.wakeups().workflowTasks().signal();
        return NextWorkflowTask.Combined.RECORDED;
      }
      WorkflowInstance committed = instance;
      instance = null; // handed over to the cache or destroyed
      ClaimedWorkflowTask task =
          new ClaimedWorkflowTask(
              runId, activity.workflowId(), committed.implementation().typeName(), "", 1, taskTime);
      return new NextWorkflowTask.Combined(
          true, afterCommit(task, committed, code, grant, true, completion));
    } finally {
      batch.close();
      if (instance != null) {
        instance.destroy();
      }
    }
  }

  /**
   * Works the workflow tasks that {@code timers} wake, before they fire, for the runs of this
   * worker's task queue and types that it holds in its cache or that last ran here (it replays
   * those from their histories, read in one query): the code runs on the events the firing will
   * append ({@code TimerFired}, a scheduled workflow task) with {@code taskTime} as now, on the
   * sweeper's thread. A run that another worker may hold is left to it: its timer fires alone. So
   * is one whose code needs a local activity (which must not run before the firing is recorded) or
   * fails its task (the task meets that again, on the record).
   */
  Map<DueTimer, TimerWorkflowTask> resumeForTimers(
      List<DueTimer> timers, long taskTime, TimerResumer.Histories histories) {
    List<DueTimer> mine = new ArrayList<>();
    List<String> toReplay = new ArrayList<>();
    for (DueTimer timer : timers) {
      if (taskQueue.equals(timer.taskQueue()) && registry.workflow(timer.workflowType()) != null) {
        if (cache.contains(timer.runId())) {
          mine.add(timer);
        } else if (identity.equals(timer.stickyOwner())) {
          mine.add(timer); // evicted from the cache here: no other worker holds it
          toReplay.add(timer.runId());
        }
      }
    }
    // Read before any instance is taken from the cache, so that a failure leaves it as it was.
    Map<String, List<StoredEvent>> stored =
        toReplay.isEmpty() ? Map.of() : histories.read(toReplay);
    Map<DueTimer, TimerWorkflowTask> tasks = new HashMap<>();
    for (DueTimer timer : mine) {
      List<StoredEvent> history = stored.getOrDefault(timer.runId(), List.of());
      WorkflowInstance instance =
          history.isEmpty()
              ? cache.take(timer.runId())
              : new WorkflowInstance(
                  timer.runId(),
                  timer.workflowId(),
                  taskQueue,
                  registry.workflow(timer.workflowType()),
                  services.converter(),
                  deadlockTimeout);
      TimerWorkflowTask task =
          instance == null ? null : resumeForTimer(timer, instance, history, taskTime);
      if (task != null) {
        tasks.put(timer, task);
      }
    }
    return tasks;
  }

  /**
   * The task {@code timer} wakes, worked by {@code instance} after {@code stored} (the run's
   * history, or nothing when the instance has processed all of it); {@code null} when it cannot be
   * worked, the instance destroyed or back in the cache.
   */
  private @Nullable TimerWorkflowTask resumeForTimer(
      DueTimer timer, WorkflowInstance instance, List<StoredEvent> stored, long taskTime) {
    long nextEventId =
        stored.isEmpty()
            ? instance.endOfProcessedHistory()
            : stored.get(stored.size() - 1).eventId() + 1;
    if (nextEventId < 0) {
      cache.put(instance).forEach(WorkflowInstance::destroy);
      return null;
    }
    WorkflowInstance working = instance;
    try {
      List<StoredEvent> events = new ArrayList<>(stored.size() + 2);
      events.addAll(stored);
      events.add(new StoredEvent(nextEventId, taskTime, new Event.TimerFired(timer.seq())));
      events.add(
          new StoredEvent(nextEventId + 1, taskTime, new Event.WorkflowTaskScheduled(taskQueue)));
      instance.setTaskAttempt(1);
      WorkflowTaskResult code;
      try {
        code = instance.processTask(events, taskTime, LocalActivities.NONE);
      } catch (RuntimeException e) {
        return null; // a local activity, or a failure: the task runs after the firing
      }
      EagerActivities grant = eagerActivities.reserve(code.commands(), false);
      working = null; // handed over to the firing's outcome
      ClaimedWorkflowTask task =
          new ClaimedWorkflowTask(
              timer.runId(), timer.workflowId(), timer.workflowType(), "", 1, taskTime);
      return new TimerWorkflowTask(
          nextEventId,
          taskTime,
          identity,
          "timer:" + UUID.randomUUID(),
          code.commands(),
          grant,
          completion -> timerTaskCommitted(task, instance, code, grant, completion));
    } finally {
      if (working != null) {
        working.destroy();
      }
    }
  }

  /** After a firing that was to commit {@code code}: caches the instance, or destroys it. */
  private void timerTaskCommitted(
      ClaimedWorkflowTask task,
      WorkflowInstance instance,
      WorkflowTaskResult code,
      EagerActivities grant,
      @Nullable CompletionResult completion) {
    if (completion == null) {
      instance.destroy(); // the firing alone, or none: a workflow task runs the code again
      eagerActivities.cancel(grant, false);
      return;
    }
    afterCommit(task, instance, code, grant, false, completion);
  }

  /**
   * Runs {@code commit}; gives back the slots of {@code grant} if it fails (the caller's own
   * excepted, with {@code ownSlot}).
   */
  private <T> T commit(EagerActivities grant, boolean ownSlot, Supplier<T> commit) {
    try {
      return commit.get();
    } catch (RuntimeException e) {
      eagerActivities.cancel(grant, ownSlot);
      throw e;
    }
  }

  /**
   * After a commit of {@code code}'s commands: caches or destroys the instance, wakes whom the
   * commit concerns, then runs the activities it leased to this worker (after the cache holds the
   * run again, so that their completions find it). With {@code ownSlot} (as reserved), the first of
   * them is returned, for the calling activity thread to run next.
   */
  private @Nullable ClaimedActivityTask afterCommit(
      ClaimedWorkflowTask task,
      WorkflowInstance instance,
      WorkflowTaskResult code,
      EagerActivities grant,
      boolean ownSlot,
      CompletionResult completion) {
    try {
      HaltPoints.reach("afterCommit");
      if (completion.wroteOutbox()) {
        services.wakeups().outbox().signal(); // a child, a signal, a parent to tell
      }
      afterCommit(task, instance, completion);
    } catch (RuntimeException | Error e) {
      ClaimedActivityTask inline =
          eagerActivities.run(grant, completion.startedActivities(), ownSlot);
      if (inline != null) {
        eagerActivities.giveBack(inline);
      }
      throw e;
    }
    return eagerActivities.run(grant, completion.startedActivities(), ownSlot);
  }

  private void afterCommit(
      ClaimedWorkflowTask task, WorkflowInstance instance, CompletionResult completion) {
    if (completion.scheduledActivities()) {
      services.wakeups().activityTasks().signal();
    }
    if (completion.startedTimers()) {
      services.wakeups().timers().signal(); // the sweeper waits for the earliest due timer
    }
    switch (completion.outcome()) {
      case COMPLETED, COMPLETED_WITH_NEW_TASK -> {
        instance.committed(completion.firstEventId(), completion.nextEventId());
        cache.put(instance).forEach(WorkflowInstance::destroy);
        if (completion.outcome()
            == dev.baton.internal.store.CompletionOutcome.COMPLETED_WITH_NEW_TASK) {
          services.wakeups().workflowTasks().signal();
        }
      }
      case CLOSED -> {
        instance.destroy();
        services.wakeups().runsClosed().signal();
        if (completion.startedRun()) {
          // It continued as new, or failed and is retried: the new run has a task.
          services.wakeups().workflowTasks().signal();
        }
      }
      case REJECTED_NEW_EVENTS -> {
        instance.destroy();
        services.wakeups().workflowTasks().signal();
      }
      case ALREADY_COMMITTED -> {
        // Committed by the first try of this commit; the cache cannot know its event ids.
        instance.destroy();
        services.wakeups().all();
      }
      case LEASE_LOST -> {
        log.warn(
            "Workflow task of {} (run {}) was not committed: its lease was lost",
            task.workflowId(),
            task.runId());
        instance.destroy();
      }
    }
  }

  private void fail(ClaimedWorkflowTask task, String message, Throwable cause) {
    String text = cause == null ? message : message + "\n" + stackTrace(cause);
    long delay = Math.min(MAX_RETRY_DELAY_MILLIS, 1_000L << Math.min(task.attempt() - 1, 16));
    try {
      services.workflows().fail(task, text, delay);
    } catch (RuntimeException e) {
      log.warn(
          "Could not record the failure of a workflow task of {}; its lease will expire",
          task.workflowId(),
          e);
    }
  }

  private static String stackTrace(Throwable failure) {
    StringWriter out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    String text = out.toString();
    return text.length() > 8_000 ? text.substring(0, 8_000) + "\n\t..." : text;
  }
}
