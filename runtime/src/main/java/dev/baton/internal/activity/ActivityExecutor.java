package dev.baton.internal.activity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.ActivityDispatcher;
import dev.baton.ActivityLeaseLostException;
import dev.baton.ActivityType;
import dev.baton.ApplicationFailure;
import dev.baton.internal.HaltPoints;
import dev.baton.internal.Services;
import dev.baton.internal.history.FailureData;
import dev.baton.internal.json.Json;
import dev.baton.internal.store.ClaimedActivityTask;
import dev.baton.internal.store.ClaimedWorkflowTask;
import dev.baton.internal.store.Committer;
import dev.baton.internal.store.EagerWorkflowTask;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed activity attempt on the calling thread and records its outcome, which counts
 * only while the attempt's lease is valid.
 */
public final class ActivityExecutor {
  private static final Logger log = LoggerFactory.getLogger(ActivityExecutor.class);

  private final Services services;
  private final NextWorkflowTask nextWorkflowTask;
  private final Committer committer;

  /**
   * An executor recording outcomes through {@code services}, whose completions lease the next
   * workflow task to this worker through {@code nextWorkflowTask} when it can work it, and commit
   * through {@code committer}.
   */
  public ActivityExecutor(
      Services services, NextWorkflowTask nextWorkflowTask, Committer committer) {
    this.services = services;
    this.nextWorkflowTask = nextWorkflowTask;
    this.committer = committer;
  }

  /**
   * Runs the attempt with {@code dispatcher} on {@code implementation} and records the outcome.
   * Returns an activity that the commit of the outcome leased to this worker for this thread to run
   * next, in its slot, or {@code null}.
   */
  public @Nullable ClaimedActivityTask execute(
      ClaimedActivityTask task,
      ActivityType<?> type,
      ActivityDispatcher<Object> dispatcher,
      Object implementation) {
    HaltPoints.reach("afterClaim");
    JsonNode result;
    ActivityContextImpl context = new ActivityContextImpl(task, services);
    ActivityContextHolder.set(context);
    try {
      Object[] arguments =
          services
              .converter()
              .decodeArguments(
                  "input of activity " + type.name(),
                  type.parameterTypes(),
                  Json.mapper().readTree(task.inputJson()));
      Object value = dispatcher.execute(implementation, task.activityType(), arguments);
      result = services.converter().encodeChecked("result of activity " + type.name(), value);
    } catch (Throwable e) {
      recordFailure(task, e);
      if (e instanceof VirtualMachineError error) {
        throw error;
      }
      return null;
    } finally {
      ActivityContextHolder.clear();
      // Whatever the activity did to its thread's interrupt flag stays with it, not this pool
      // thread.
      Thread.interrupted();
    }
    if (context.completesLater()) {
      log.debug(
          "Activity {} of workflow {} will be completed by token",
          task.activityType(),
          task.workflowId());
      return null;
    }
    EagerWorkflowTask eager = null;
    ClaimedWorkflowTask next = null;
    try {
      NextWorkflowTask.Combined combined = nextWorkflowTask.completeWithWorkflowTask(task, result);
      if (combined.recorded()) {
        return combined.runNext(); // recorded with the workflow task that ran the result
      }
      HaltPoints.reach("beforeCommit");
      eager = nextWorkflowTask.reserve(task.token().runId());
      next =
          services.activities().complete(task.token(), result, eager, committer, task.workflowId());
      HaltPoints.reach("afterCommit");
      if (next == null) {
        services.wakeups().workflowTasks().signal();
      }
    } catch (ActivityLeaseLostException e) {
      log.warn(
          "Result of activity {} of workflow {} not recorded: {}",
          task.activityType(),
          task.workflowId(),
          e.getMessage());
    } catch (RuntimeException e) {
      // The database failed past Baton's retries: the lease runs out and the attempt is retried.
      log.error(
          "Result of activity {} of workflow {} could not be recorded; the attempt will be"
              + " retried when its lease expires",
          task.activityType(),
          task.workflowId(),
          e);
    } finally {
      if (eager != null) {
        if (next != null) {
          nextWorkflowTask.run(next);
        } else {
          nextWorkflowTask.cancel();
        }
      }
    }
    return null;
  }

  /** Records a failed attempt when the activity type is unknown to this worker. */
  public void failUnknownType(ClaimedActivityTask task, String message) {
    recordFailure(task, ApplicationFailure.newFailure(message, "ActivityTypeNotRegistered"));
  }

  private void recordFailure(ClaimedActivityTask task, Throwable failure) {
    try {
      boolean retried = services.activities().fail(task.token(), FailureData.of(failure));
      if (!retried) {
        services.wakeups().workflowTasks().signal();
      } else {
        services.wakeups().activityTasks().signal();
      }
      log.debug(
          "Activity {} attempt {} failed (retried: {})",
          task.activityType(),
          task.attempt(),
          retried,
          failure);
    } catch (ActivityLeaseLostException e) {
      log.warn(
          "Failure of activity {} of workflow {} not recorded: {}",
          task.activityType(),
          task.workflowId(),
          e.getMessage());
    } catch (RuntimeException e) {
      log.error(
          "Failure of activity {} of workflow {} could not be recorded; the attempt will be"
              + " retried when its lease expires",
          task.activityType(),
          task.workflowId(),
          e);
    }
  }
}
