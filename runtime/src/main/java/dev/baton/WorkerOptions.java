package dev.baton;

import java.time.Duration;
import java.util.Objects;

/** Options of a {@link Worker}. Immutable; build with {@link #newBuilder()}. */
public final class WorkerOptions {
  private static final WorkerOptions DEFAULT = newBuilder().build();

  private final int maxCachedWorkflows;
  private final int workflowSlots;
  private final int activitySlots;
  private final Duration workflowTaskTimeout;
  private final Duration shutdownGracePeriod;
  private final Duration maxPollInterval;
  private final Duration deadlockDetectionTimeout;
  private final boolean eagerDispatch;
  private final boolean groupCommit;

  private WorkerOptions(Builder b) {
    this.maxCachedWorkflows = b.maxCachedWorkflows;
    this.workflowSlots = b.workflowSlots;
    this.activitySlots = b.activitySlots;
    this.workflowTaskTimeout = b.workflowTaskTimeout;
    this.shutdownGracePeriod = b.shutdownGracePeriod;
    this.maxPollInterval = b.maxPollInterval;
    this.deadlockDetectionTimeout = b.deadlockDetectionTimeout;
    this.eagerDispatch = b.eagerDispatch;
    this.groupCommit = b.groupCommit;
  }

  /** A builder starting from the defaults. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** The defaults. */
  public static WorkerOptions getDefault() {
    return DEFAULT;
  }

  /**
   * How many running workflows are kept in memory between their tasks, so that their histories are
   * not replayed on every task. Default: 600.
   */
  public int maxCachedWorkflows() {
    return maxCachedWorkflows;
  }

  /** How many workflow tasks run at once. Default: 2. */
  public int workflowSlots() {
    return workflowSlots;
  }

  /** How many activities run at once. Default: 16. */
  public int activitySlots() {
    return activitySlots;
  }

  /**
   * The lease on a workflow task: if the worker has not committed by then, another worker may take
   * the task. Default: 10 seconds.
   */
  public Duration workflowTaskTimeout() {
    return workflowTaskTimeout;
  }

  /** How long {@link Worker#close()} waits for running tasks. Default: 10 seconds. */
  public Duration shutdownGracePeriod() {
    return shutdownGracePeriod;
  }

  /**
   * The longest wait between two polls of the database when no task was found (in-process work
   * wakes the worker at once). Default: 1 second.
   */
  public Duration maxPollInterval() {
    return maxPollInterval;
  }

  /**
   * How long workflow code may run without yielding to Baton (waiting on a promise, a timer, a
   * condition) before the workflow task fails as a potential deadlock naming the thread and where
   * it was. Default: 10 seconds, generous so that a cold JVM on a busy machine is not mistaken for
   * a deadlock.
   */
  public Duration deadlockDetectionTimeout() {
    return deadlockDetectionTimeout;
  }

  /**
   * Whether this worker hands tasks to itself without a claim when it can: a workflow task that
   * schedules an activity this worker runs (same task queue, registered type, a free activity slot)
   * commits it already started under this worker's lease, and the worker runs it at once. This
   * saves a transaction per activity and a poll's delay; every guarantee holds as after a claim (a
   * worker that dies loses its lease and the attempt is retried). Off: every task waits in its
   * queue for a claim, as with separate workflow and activity workers. Default: on.
   */
  public boolean eagerDispatch() {
    return eagerDispatch;
  }

  /**
   * Whether this worker's commits (workflow task completions, activity completions, the starts it
   * works eagerly) share transactions with those that other threads of the process make at the same
   * moment: one commit for many workflows, within one shard key ({@link BatonOptions#shardKey()}).
   * No commit waits for a group to fill: a lone one commits at once, as without grouping. A
   * completion whose lease turns out lost, or a start whose workflow id is taken, is left out of
   * its group and the others commit; any other failure makes each member commit alone. Off: each
   * has a transaction of its own. Default: on.
   */
  public boolean groupCommit() {
    return groupCommit;
  }

  /** Builds {@link WorkerOptions}. */
  public static final class Builder {
    private int maxCachedWorkflows = 600;
    private int workflowSlots = 2;
    private int activitySlots = 16;
    private Duration workflowTaskTimeout = Duration.ofSeconds(10);
    private Duration shutdownGracePeriod = Duration.ofSeconds(10);
    private Duration maxPollInterval = Duration.ofSeconds(1);
    private Duration deadlockDetectionTimeout = Duration.ofSeconds(10);
    private boolean eagerDispatch = true;
    private boolean groupCommit = true;

    private Builder() {}

    /** Whether completions share transactions; see {@link WorkerOptions#groupCommit()}. */
    public Builder groupCommit(boolean value) {
      this.groupCommit = value;
      return this;
    }

    /** Whether the worker hands tasks to itself without a claim; see {@link #eagerDispatch()}. */
    public Builder eagerDispatch(boolean value) {
      this.eagerDispatch = value;
      return this;
    }

    /** How long workflow code may run without yielding before it counts as deadlocked; positive. */
    public Builder deadlockDetectionTimeout(Duration value) {
      this.deadlockDetectionTimeout = positive("deadlockDetectionTimeout", value);
      return this;
    }

    /** Running workflows kept in memory; 0 disables the cache. */
    public Builder maxCachedWorkflows(int value) {
      this.maxCachedWorkflows = atLeast("maxCachedWorkflows", value, 0);
      return this;
    }

    /** Workflow tasks run at once; at least 1. */
    public Builder workflowSlots(int value) {
      this.workflowSlots = atLeast("workflowSlots", value, 1);
      return this;
    }

    /** Activities run at once; at least 1. */
    public Builder activitySlots(int value) {
      this.activitySlots = atLeast("activitySlots", value, 1);
      return this;
    }

    /** The lease on a workflow task; positive. */
    public Builder workflowTaskTimeout(Duration value) {
      this.workflowTaskTimeout = positive("workflowTaskTimeout", value);
      return this;
    }

    /** How long a graceful shutdown waits for running tasks; not negative. */
    public Builder shutdownGracePeriod(Duration value) {
      Objects.requireNonNull(value, "shutdownGracePeriod");
      if (value.isNegative()) {
        throw new IllegalArgumentException("shutdownGracePeriod must not be negative: " + value);
      }
      this.shutdownGracePeriod = value;
      return this;
    }

    /** The longest wait between two polls of the database; positive. */
    public Builder maxPollInterval(Duration value) {
      this.maxPollInterval = positive("maxPollInterval", value);
      return this;
    }

    /** The options. */
    public WorkerOptions build() {
      return new WorkerOptions(this);
    }

    private static int atLeast(String name, int value, int min) {
      if (value < min) {
        throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
      }
      return value;
    }

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }
  }
}
