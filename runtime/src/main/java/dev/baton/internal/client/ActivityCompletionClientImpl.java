package dev.baton.internal.client;

import dev.baton.ActivityCompletionClient;
import dev.baton.internal.Services;
import dev.baton.internal.history.FailureData;
import dev.baton.internal.store.TaskToken;
import org.jspecify.annotations.Nullable;

/** Completes activity tasks by token. */
final class ActivityCompletionClientImpl implements ActivityCompletionClient {
  private final Services services;

  ActivityCompletionClientImpl(Services services) {
    this.services = services;
  }

  @Override
  public void complete(String taskToken, @Nullable Object result) {
    java.util.Objects.requireNonNull(taskToken, "taskToken");
    TaskToken token = TaskToken.parse(taskToken);
    services
        .activities()
        .complete(token, services.converter().encodeChecked("activity result", result));
    services.wakeups().workflowTasks().signal();
  }

  @Override
  public void fail(String taskToken, Throwable failure) {
    java.util.Objects.requireNonNull(taskToken, "taskToken");
    java.util.Objects.requireNonNull(failure, "failure");
    TaskToken token = TaskToken.parse(taskToken);
    services.activities().fail(token, FailureData.of(failure));
    services.wakeups().workflowTasks().signal();
    services.wakeups().activityTasks().signal();
  }

  @Override
  public void heartbeat(String taskToken, @Nullable Object details) {
    java.util.Objects.requireNonNull(taskToken, "taskToken");
    TaskToken token = TaskToken.parse(taskToken);
    String json =
        details == null
            ? null
            : services.converter().encodeChecked("heartbeat details", details).toString();
    services.activities().heartbeat(token, json);
  }
}
