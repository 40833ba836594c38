package dev.baton.internal.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.internal.Services;
import dev.baton.internal.activity.NextWorkflowTask;
import dev.baton.internal.store.ClaimedActivityTask;
import dev.baton.internal.store.ClaimedWorkflowTask;
import dev.baton.internal.store.EagerWorkflowTask;
import dev.baton.internal.store.RunSettings;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When this worker holds a run in its cache, has an activity completion of the run commit the
 * workflow task that runs its result too (the code runs first, on the activity's thread); failing
 * that, has it lease the next workflow task to this worker when a workflow slot is free, and works
 * the task in that slot: the completion and the task's start are one commit, and no claim follows.
 * Also leases the first task of runs started in this process.
 */
final class EagerWorkflowDispatch implements NextWorkflowTask {
  private static final Logger log = LoggerFactory.getLogger(EagerWorkflowDispatch.class);

  private final Services services;
  private final WorkflowCache cache;
  private final EagerWorkflowTask grant;
  private volatile @Nullable PollLoop<ClaimedWorkflowTask> workflows;
  private volatile @Nullable WorkflowTaskHandler handler;

  EagerWorkflowDispatch(Services services, WorkflowCache cache, String owner, long leaseMillis) {
    this.services = services;
    this.cache = cache;
    this.grant = new EagerWorkflowTask(owner, leaseMillis);
  }

  /**
   * Connects the worker's workflow task loop, whose slots and threads work the leased tasks, and
   * its handler, which runs a completed activity's workflow task before the completion commits.
   */
  void attach(PollLoop<ClaimedWorkflowTask> workflowLoop, WorkflowTaskHandler taskHandler) {
    this.workflows = workflowLoop;
    this.handler = taskHandler;
  }

  @Override
  public Combined completeWithWorkflowTask(ClaimedActivityTask task, JsonNode result) {
    WorkflowTaskHandler taskHandler = handler;
    return taskHandler == null
        ? Combined.NOT_RECORDED
        : taskHandler.completeActivityWithWorkflowTask(task, result);
  }

  @Override
  public @Nullable EagerWorkflowTask reserve(String runId) {
    PollLoop<ClaimedWorkflowTask> loop = workflows;
    if (loop == null || !cache.contains(runId) || loop.tryReserve(1) == 0) {
      return null;
    }
    return grant;
  }

  /** Sets a workflow slot aside for the first task of a run about to start in this process. */
  @Nullable EagerWorkflowTask reserveNewRun() {
    PollLoop<ClaimedWorkflowTask> loop = workflows;
    return loop == null || loop.tryReserve(1) == 0 ? null : grant;
  }

  /**
   * Starts a run whose first workflow task runs, in the slot {@link #reserveNewRun} set aside,
   * before the start commits, and commits with it (see {@link
   * WorkflowTaskHandler#startWithFirstTask}). Returns the run id once the start has committed, or
   * {@code null}, having recorded nothing and freed the slot, when that cannot be done: start the
   * run the usual way then.
   *
   * @throws dev.baton.WorkflowAlreadyStartedException as a start does
   */
  @Nullable String startWithFirstTask(
      String workflowId,
      String workflowType,
      JsonNode input,
      String requestId,
      RunSettings settings) {
    PollLoop<ClaimedWorkflowTask> loop = workflows;
    WorkflowTaskHandler taskHandler = handler;
    if (loop == null || taskHandler == null) {
      cancel();
      return null;
    }
    CompletableFuture<@Nullable String> started = new CompletableFuture<>();
    if (!loop.runInReservedSlot(
        () ->
            taskHandler.startWithFirstTask(
                workflowId, workflowType, input, requestId, settings, grant, started))) {
      return null; // shutting down
    }
    try {
      return started.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  @Override
  public void run(ClaimedWorkflowTask task) {
    PollLoop<ClaimedWorkflowTask> loop = workflows;
    if (loop != null && loop.runReserved(task)) {
      return;
    }
    try {
      services.workflows().release(task); // shutting down: another worker takes it
      services.wakeups().workflowTasks().signal();
    } catch (RuntimeException e) {
      log.warn(
          "Could not give back the workflow task of {}; its lease will expire",
          task.workflowId(),
          e);
    }
  }

  @Override
  public void cancel() {
    PollLoop<ClaimedWorkflowTask> loop = workflows;
    if (loop != null) {
      loop.release(1);
    }
  }
}
