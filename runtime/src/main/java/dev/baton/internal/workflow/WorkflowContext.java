package dev.baton.internal.workflow;

import dev.baton.ActivityOptions;
import dev.baton.ActivityType;
import dev.baton.Promise;
import java.time.Instant;

/** The running workflow's side of the {@code Workflow} API, bound to the workflow's threads. */
public interface WorkflowContext {
  /** The context of the workflow code running on this thread. */
  static WorkflowContext current() {
    throw new IllegalStateException("not yet");
  }

  /** Schedules an activity. */
  <R> Promise<R> executeActivity(ActivityType<R> type, ActivityOptions options, Object[] arguments);

  /** The workflow's current time. */
  Instant currentTime();

  /** Whether the code is replaying. */
  boolean isReplaying();
}
