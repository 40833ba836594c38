package dev.baton.internal.activity;

import dev.baton.ActivityContext;
import dev.baton.internal.workflow.LocalActivityRequest;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The context of one attempt of a local activity. */
record LocalActivityContext(LocalActivityRequest request, int attempt) implements ActivityContext {
  @Override
  public String taskToken() {
    throw new IllegalStateException(
        "Local activity "
            + request.activityType()
            + " has no task token: it runs inside its workflow's task and cannot be completed"
            + " from outside. Run it as a normal activity to complete it by token.");
  }

  @Override
  public String activityId() {
    return Integer.toString(request.seq());
  }

  @Override
  public Instant scheduledTime() {
    return Instant.ofEpochMilli(request.scheduledTimeMillis());
  }

  @Override
  public String activityType() {
    return request.activityType();
  }

  @Override
  public String workflowId() {
    return request.workflowId();
  }

  @Override
  public String runId() {
    return request.runId();
  }

  @Override
  public void heartbeat(@Nullable Object details) {
    throw new IllegalStateException(
        "Local activity "
            + request.activityType()
            + " cannot heartbeat: it runs inside its workflow's task. Run it as a normal activity"
            + " to heartbeat.");
  }

  @Override
  public <T> Optional<T> heartbeatDetails(Class<T> type) {
    return Optional.empty();
  }

  @Override
  public void doNotCompleteOnReturn() {
    throw new IllegalStateException(
        "Local activity "
            + request.activityType()
            + " cannot be completed later by token: it runs inside its workflow's task. Run it as"
            + " a normal activity to complete it by token.");
  }
}
