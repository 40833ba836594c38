package dev.baton;

import dev.baton.internal.workflow.WorkflowContext;
import java.time.Instant;

/**
 * What workflow code may call. (Named {@code Workflows} because {@code dev.baton.Workflow} is the
 * annotation.) Each method records or replays a step of the workflow's history, so the code behaves
 * the same when it is replayed on another worker after a crash. Call these only from workflow code
 * (the workflow method and what it calls).
 */
public final class Workflows {
  private Workflows() {}

  /**
   * Runs an activity and waits for its result. Generated stubs call this; call it by hand to use an
   * activity without a stub.
   *
   * @param type the activity
   * @param options options that override those of {@code type}
   * @param arguments the activity's arguments, matching {@code type}'s parameters
   * @throws ActivityFailure if the activity failed for good
   */
  public static <R> R executeActivity(
      ActivityType<R> type, ActivityOptions options, Object... arguments) {
    return executeActivityAsync(type, options, arguments).get();
  }

  /**
   * Starts an activity and returns at once with a promise of its result, so several activities run
   * in parallel.
   */
  public static <R> Promise<R> executeActivityAsync(
      ActivityType<R> type, ActivityOptions options, Object... arguments) {
    return WorkflowContext.current().executeActivity(type, options, arguments);
  }

  /**
   * The workflow's notion of now: the time its current workflow task started, the same on replay.
   * Use it instead of {@code System.currentTimeMillis()} or {@code Instant.now()}.
   */
  public static Instant currentTime() {
    return WorkflowContext.current().currentTime();
  }

  /** Whether the code is replaying recorded history rather than running for the first time. */
  public static boolean isReplaying() {
    return WorkflowContext.current().isReplaying();
  }
}
