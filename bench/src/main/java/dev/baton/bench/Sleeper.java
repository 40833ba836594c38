package dev.baton.bench;

import dev.baton.Workflow;
import dev.baton.WorkflowMethod;

/** B5: sleeps on a durable timer until an instant, then returns how late its code resumed. */
@Workflow(taskQueue = "bench")
public interface Sleeper {
  /**
   * Sleeps until {@code dueMillis} (epoch milliseconds, database clock) and returns the time its
   * code resumed minus the due time, in milliseconds: the timer's lag.
   */
  @WorkflowMethod
  long sleepUntil(long dueMillis);
}
