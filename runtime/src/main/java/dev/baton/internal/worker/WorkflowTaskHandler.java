package dev.baton.internal.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.NonDeterministicException;
import dev.baton.internal.HaltPoints;
import dev.baton.internal.Services;
import dev.baton.internal.history.Event;
import dev.baton.internal.history.StoredEvent;
import dev.baton.internal.store.ClaimedActivityTask;
import dev.baton.internal.store.ClaimedWorkflowTask;
import dev.baton.internal.store.Committer;
import dev.baton.internal.store.CompletionResult;
import dev.baton.internal.store.EagerActivities;
import dev.baton.internal.workflow.WorkflowImplementation;
import dev.baton.internal.workflow.WorkflowInstance;
import dev.baton.internal.workflow.WorkflowTaskResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
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
      HaltPoints.reach("beforeCommit");
      EagerActivities grant = eagerActivities.reserve(result.commands());
      CompletionResult completion =
          commit(
              grant,
              () ->
                  services
                      .workflows()
                      .complete(
                          task,
                          identity,
                          result.expectedNextEventId(),
                          result.lastSeenEventId(),
                          result.commands(),
                          grant));
      WorkflowInstance committed = instance;
      instance = null; // handed over to the cache or destroyed
      afterCommit(task, committed, result, grant, completion);
    } catch (WorkflowTaskLeaseLostException e) {
      log.warn("Workflow task of {} (run {}): {}", task.workflowId(), task.runId(), e.getMessage());
    } catch (NonDeterministicException e) {
      log.error("Workflow {} (run {}): {}", task.workflowId(), task.runId(), e.getMessage());
      fail(task, e.getMessage(), null);
    } catch (RuntimeException e) {
      log.error("Workflow task of {} (run {}) failed", task.workflowId(), task.runId(), e);
      fail(task, e.getMessage(), e);
    } finally {
      batch.close();
      if (instance != null) {
        instance.destroy();
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
  boolean completeActivityWithWorkflowTask(ClaimedActivityTask activity, JsonNode result) {
    String runId = activity.token().runId();
    WorkflowInstance instance = cache.take(runId);
    if (instance == null) {
      return false;
    }
    long nextEventId = instance.endOfProcessedHistory();
    if (nextEventId < 0) {
      cache.put(instance).forEach(WorkflowInstance::destroy);
      return false;
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
        return false; // the next workflow task meets this again, on the record
      }
      batch.close();
      HaltPoints.reach("beforeCommit");
      EagerActivities grant = eagerActivities.reserve(code.commands());
      CompletionResult completion =
          commit(
              grant,
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
        eagerActivities.cancel(grant);
        services.wakeups().workflowTasks().signal();
        return true;
      }
      WorkflowInstance committed = instance;
      instance = null; // handed over to the cache or destroyed
      ClaimedWorkflowTask task =
          new ClaimedWorkflowTask(
              runId, activity.workflowId(), committed.implementation().typeName(), "", 1, taskTime);
      afterCommit(task, committed, code, grant, completion);
      return true;
    } finally {
      batch.close();
      if (instance != null) {
        instance.destroy();
      }
    }
  }

  /** Runs {@code commit}; gives back the slots of {@code grant} if it fails. */
  private @Nullable CompletionResult commit(
      EagerActivities grant, Supplier<@Nullable CompletionResult> commit) {
    try {
      return commit.get();
    } catch (RuntimeException e) {
      eagerActivities.cancel(grant);
      throw e;
    }
  }

  /**
   * After a commit of {@code code}'s commands: caches or destroys the instance, wakes whom the
   * commit concerns, then runs the activities it leased to this worker (after the cache holds the
   * run again, so that their completions find it).
   */
  private void afterCommit(
      ClaimedWorkflowTask task,
      WorkflowInstance instance,
      WorkflowTaskResult code,
      EagerActivities grant,
      CompletionResult completion) {
    try {
      HaltPoints.reach("afterCommit");
      if (completion.wroteOutbox()) {
        services.wakeups().outbox().signal(); // a child, a signal, a parent to tell
      }
      afterCommit(task, instance, completion);
    } finally {
      eagerActivities.run(grant, completion.startedActivities());
    }
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
