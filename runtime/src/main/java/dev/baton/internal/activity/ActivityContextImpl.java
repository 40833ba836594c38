package dev.baton.internal.activity;

import dev.baton.ActivityContext;
import dev.baton.internal.Services;
import dev.baton.internal.json.Json;
import dev.baton.internal.store.ClaimedActivityTask;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The context of one claimed activity attempt. */
final class ActivityContextImpl implements ActivityContext {
  private final ClaimedActivityTask task;
  private final Services services;
  private volatile @Nullable String lastDetailsJson;
  private volatile boolean completesLater;

  ActivityContextImpl(ClaimedActivityTask task, Services services) {
    this.task = task;
    this.services = services;
    this.lastDetailsJson = task.heartbeatDetailsJson();
  }

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
  public Instant scheduledTime() {
    return Instant.ofEpochMilli(task.scheduledAt());
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

  @Override
  public void heartbeat(@Nullable Object details) {
    String json =
        details == null
            ? null
            : services.converter().encodeChecked("heartbeat details", details).toString();
    services.activities().heartbeat(task.token(), json);
    if (json != null) {
      lastDetailsJson = json;
    }
  }

  @Override
  public <T> Optional<T> heartbeatDetails(Class<T> type) {
    String json = lastDetailsJson;
    if (json == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(
          type.cast(
              services
                  .converter()
                  .decode("heartbeat details", Json.mapper().readTree(json), type)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Stored heartbeat details are not JSON: " + json, e);
    }
  }

  @Override
  public void doNotCompleteOnReturn() {
    completesLater = true;
  }

  /** Whether the activity asked to be completed later, by token. */
  boolean completesLater() {
    return completesLater;
  }
}
