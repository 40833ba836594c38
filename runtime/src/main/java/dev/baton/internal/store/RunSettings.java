package dev.baton.internal.store;

import dev.baton.WorkflowIdReusePolicy;
import org.jspecify.annotations.Nullable;

/**
 * How a new run starts, beyond its id, type, queue and input.
 *
 * @param parent the parent's link, for a child
 * @param retryPolicyJson the workflow retry policy, or {@code null}
 * @param attempt the run's attempt under that policy
 * @param firstTaskDelayMillis how long its first workflow task waits (a retry's back-off)
 * @param reusePolicy whether an id whose latest run closed may start again
 * @param executionTimeoutMillis how long the run may take
 */
public record RunSettings(
    WorkflowStore.@Nullable ParentLink parent,
    @Nullable String retryPolicyJson,
    int attempt,
    long firstTaskDelayMillis,
    WorkflowIdReusePolicy reusePolicy,
    long executionTimeoutMillis) {

  /** The settings of a run a client starts. */
  public static RunSettings forStart(
      dev.baton.internal.history.@Nullable RetryPolicyData retry,
      WorkflowIdReusePolicy reusePolicy,
      long executionTimeoutMillis) {
    return new RunSettings(
        null,
        retry == null ? null : ActivityStore.write(retry),
        1,
        0,
        reusePolicy,
        executionTimeoutMillis);
  }

  /** The settings of a first run with {@code executionTimeoutMillis}, and nothing else. */
  static RunSettings first(long executionTimeoutMillis) {
    return new RunSettings(
        null, null, 1, 0, WorkflowIdReusePolicy.ALLOW_DUPLICATE, executionTimeoutMillis);
  }
}
