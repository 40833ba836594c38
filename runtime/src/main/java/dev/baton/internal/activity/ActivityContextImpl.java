package dev.baton.internal.activity;

import dev.baton.ActivityContext;
import dev.baton.internal.store.ClaimedActivityTask;

/** The context of one claimed activity attempt. */
record ActivityContextImpl(ClaimedActivityTask task) implements ActivityContext {
  @Override
  public String taskToken() {
    return task.token().text();
  }

  @Override
  public int attempt() {
    return task.attempt();
  }

  @Override
  public String activityId() {
    return Integer.toString(task.token().seq());
  }

  @Override
  public java.time.Instant scheduledTime() {
    return java.time.Instant.ofEpochMilli(task.scheduledAt());
  }

  @Override
  public String activityType() {
    return task.activityType();
  }

  @Override
  public String workflowId() {
    return task.workflowId();
  }

  @Override
  public String runId() {
    return task.token().runId();
  }
}
