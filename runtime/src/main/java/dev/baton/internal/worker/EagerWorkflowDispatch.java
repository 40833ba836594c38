package dev.baton.internal.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.internal.Services;
import dev.baton.internal.activity.NextWorkflowTask;
import dev.baton.internal.store.ClaimedActivityTask;
import dev.baton.internal.store.ClaimedWorkflowTask;
import dev.baton.internal.store.EagerWorkflowTask;
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
  public boolean completeWithWorkflowTask(ClaimedActivityTask task, JsonNode result) {
    WorkflowTaskHandler taskHandler = handler;
    return taskHandler != null && taskHandler.completeActivityWithWorkflowTask(task, result);
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
