package dev.baton.testing;

import dev.baton.ActivityCanceledException;
import dev.baton.ActivityContext;
import dev.baton.internal.activity.ActivityContextHolder;
import dev.baton.internal.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * Runs one activity method on the calling thread with an {@link ActivityContext} the test chooses
 * (attempt, heartbeat details of an earlier attempt), and records its heartbeats. No database and
 * no worker are involved.
 *
 * <pre>{@code
 * TestActivityEnvironment env = TestActivityEnvironment.newBuilder()
 *     .attempt(3).heartbeatDetails(5).build();
 * String result = env.run(() -> new DownloaderImpl().download(10));
 * assertThat(env.heartbeats()).containsExactly(6, 7, 8, 9, 10);
 * }</pre>
 */
public final class TestActivityEnvironment {
  private final int attempt;
  private final String activityType;
  private final String workflowId;
  private final Instant scheduledTime;
  private final List<@Nullable Object> heartbeats = new ArrayList<>();
  private volatile @Nullable Object lastDetails;
  private volatile boolean cancelRequested;
  private volatile boolean completesLater;

  private TestActivityEnvironment(Builder builder) {
    this.attempt = builder.attempt;
    this.activityType = builder.activityType;
    this.workflowId = builder.workflowId;
    this.scheduledTime = builder.scheduledTime;
    this.lastDetails = builder.heartbeatDetails;
  }

  /** A builder: attempt 1, no heartbeat details. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** An environment for a first attempt with no heartbeat details. */
  public static TestActivityEnvironment create() {
    return newBuilder().build();
  }

  /**
   * Runs {@code activity} (typically a call of an activity method) with this environment's context
   * and returns its result; what it throws is thrown.
   */
  public <R> R run(Callable<R> activity) throws Exception {
    Objects.requireNonNull(activity, "activity");
    return ActivityContextHolder.callWith(new Context(), activity);
  }

  /** The details of each heartbeat, in order ({@code null} for a heartbeat without). */
  public synchronized List<@Nullable Object> heartbeats() {
    return new ArrayList<>(heartbeats);
  }

  /**
   * Asks the activity to cancel: its next heartbeat throws {@link ActivityCanceledException}, as a
   * worker's does when the workflow cancelled the activity.
   */
  public void requestCancel() {
    cancelRequested = true;
  }

  /** Whether the activity called {@link ActivityContext#doNotCompleteOnReturn()}. */
  public boolean completesLater() {
    return completesLater;
  }

  private final class Context implements ActivityContext {
    @Override
    public String taskToken() {
      return "bt1:test-run:1:test-lease-" + attempt;
    }

    @Override
    public int attempt() {
      return attempt;
    }

    @Override
    public String activityId() {
      return "1";
    }

    @Override
    public Instant scheduledTime() {
      return scheduledTime;
    }

    @Override
    public String activityType() {
      return activityType;
    }

    @Override
    public String workflowId() {
      return workflowId;
    }

    @Override
    public String runId() {
      return "test-run";
    }

    @Override
    public void heartbeat(@Nullable Object details) {
      synchronized (TestActivityEnvironment.this) {
        heartbeats.add(details);
      }
      if (details != null) {
        lastDetails = details;
      }
      if (cancelRequested) {
        throw new ActivityCanceledException("The test requested cancellation of the activity");
      }
    }

    @Override
    public <T> Optional<T> heartbeatDetails(Class<T> type) {
      Objects.requireNonNull(type, "type");
      Object details = lastDetails;
      // Details cross attempts as JSON in a worker; converting here keeps tests honest about it.
      return details == null
          ? Optional.empty()
          : Optional.of(Json.mapper().convertValue(details, type));
    }

    @Override
    public void doNotCompleteOnReturn() {
      completesLater = true;
    }
  }

  /** Builds a {@link TestActivityEnvironment}. */
  public static final class Builder {
    private int attempt = 1;
    private @Nullable Object heartbeatDetails;
    private String activityType = "TestActivity";
    private String workflowId = "test-workflow";
    private Instant scheduledTime = TestEnvironmentOptions.DEFAULT_START_TIME;

    private Builder() {}

    /** The attempt number the activity sees; at least 1. Default: 1. */
    public Builder attempt(int attempt) {
      if (attempt < 1) {
        throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
      }
      this.attempt = attempt;
      return this;
    }

    /** The details an earlier attempt's last heartbeat recorded. Default: none. */
    public Builder heartbeatDetails(@Nullable Object details) {
      this.heartbeatDetails = details;
      return this;
    }

    /** The activity type name the activity sees. Default: {@code TestActivity}. */
    public Builder activityType(String activityType) {
      this.activityType = Objects.requireNonNull(activityType, "activityType");
      return this;
    }

    /** The workflow id the activity sees. Default: {@code test-workflow}. */
    public Builder workflowId(String workflowId) {
      this.workflowId = Objects.requireNonNull(workflowId, "workflowId");
      return this;
    }

    /**
     * When the activity was scheduled. Default: {@link TestEnvironmentOptions#DEFAULT_START_TIME}.
     */
    public Builder scheduledTime(Instant scheduledTime) {
      this.scheduledTime = Objects.requireNonNull(scheduledTime, "scheduledTime");
      return this;
    }

    /** The environment. */
    public TestActivityEnvironment build() {
      return new TestActivityEnvironment(this);
    }
  }
}
