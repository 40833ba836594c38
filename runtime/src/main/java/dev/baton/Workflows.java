package dev.baton;

import dev.baton.internal.workflow.ReplaySafeLogger;
import dev.baton.internal.workflow.WorkflowContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
      ActivityType<R> type, ActivityOptions options, Object @Nullable ... arguments) {
    return executeActivityAsync(type, options, arguments).get();
  }

  /**
   * Starts an activity and returns at once with a promise of its result, so several activities run
   * in parallel.
   */
  public static <R> Promise<R> executeActivityAsync(
      ActivityType<R> type, ActivityOptions options, Object @Nullable ... arguments) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(options, "options");
    return WorkflowContext.current().executeActivity(type, options, orOneNull(arguments));
  }

  /**
   * Runs a local activity and waits for its result: the calling workflow's own worker runs it
   * inside the workflow task, without an activity task, and records the outcome in history as a
   * marker that replays return. For short steps; the activity's implementation must be registered
   * on the worker that runs the workflow. Like any activity it may run more than once (when the
   * worker dies before the workflow task commits), so it should be idempotent.
   *
   * @param type the activity
   * @param options options that override those of {@code type}
   * @param arguments the activity's arguments, matching {@code type}'s parameters
   * @throws ActivityFailure if the activity failed for good
   */
  public static <R> R executeLocalActivity(
      ActivityType<R> type, LocalActivityOptions options, Object @Nullable ... arguments) {
    return executeLocalActivityAsync(type, options, arguments).get();
  }

  /**
   * Starts a local activity and returns at once with a promise of its result; see {@link
   * #executeLocalActivity}.
   */
  public static <R> Promise<R> executeLocalActivityAsync(
      ActivityType<R> type, LocalActivityOptions options, Object @Nullable ... arguments) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(options, "options");
    return WorkflowContext.current().executeLocalActivity(type, options, orOneNull(arguments));
  }

  /** A {@code null} arguments array is what Java passes for a single {@code null} argument. */
  private static Object[] orOneNull(Object @Nullable [] arguments) {
    return arguments == null ? new Object[] {null} : arguments;
  }

  /**
   * Sleeps durably: the workflow may be unloaded and resumed on another worker, after a crash or
   * months later. Use it instead of {@code Thread.sleep}.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public static void sleep(Duration duration) {
    newTimer(duration).get();
  }

  /**
   * Starts a durable timer and returns a promise completed when it fires, to wait for it in
   * parallel with other work ({@code Promise.anyOf(timer, approval)}).
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public static Promise<Void> newTimer(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("A timer's duration must not be negative: " + duration);
    }
    return WorkflowContext.current().newTimer(duration);
  }

  /**
   * Waits until {@code condition} holds. The condition is checked whenever the workflow's state may
   * have changed (a signal arrived, a branch moved on); it must only read workflow state.
   */
  public static void await(BooleanSupplier condition) {
    Objects.requireNonNull(condition, "condition");
    WorkflowContext.current().await(condition);
  }

  /**
   * Waits until {@code condition} holds or {@code timeout} has passed (a durable timer). Returns
   * whether the condition holds: {@code false} means the timeout passed.
   */
  public static boolean await(Duration timeout, BooleanSupplier condition) {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(condition, "condition");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("The timeout must not be negative: " + timeout);
    }
    return WorkflowContext.current().await(timeout, condition);
  }

  /**
   * Runs {@code body} as a parallel branch of workflow code and returns a promise of its result.
   * Branches run one at a time in a fixed order, so the workflow stays deterministic.
   */
  public static <R> Promise<R> async(Supplier<R> body) {
    Objects.requireNonNull(body, "body");
    return WorkflowContext.current().async(body);
  }

  /** Runs {@code body} as a parallel branch of workflow code; see {@link #async(Supplier)}. */
  public static Promise<Void> async(Runnable body) {
    Objects.requireNonNull(body, "body");
    return WorkflowContext.current()
        .async(
            () -> {
              body.run();
              return null;
            });
  }

  /**
   * Runs {@code body} once and records its result in history; on replay the recorded result is
   * returned and {@code body} does not run. For short, non-deterministic computations (a random id
   * from outside, a configuration read); anything that can fail belongs in an activity.
   */
  public static <R> R sideEffect(Class<R> resultType, Supplier<R> body) {
    return sideEffect(TypeRef.of(resultType), body);
  }

  /** As {@link #sideEffect(Class, Supplier)}, for a generic result type. */
  public static <R> R sideEffect(TypeRef<R> resultType, Supplier<R> body) {
    Objects.requireNonNull(resultType, "resultType");
    Objects.requireNonNull(body, "body");
    return WorkflowContext.current().sideEffect(resultType, body);
  }

  /** A random UUID that is the same on replay. Use it instead of {@code UUID.randomUUID()}. */
  public static UUID randomUUID() {
    return WorkflowContext.current().randomUUID();
  }

  /**
   * A random generator whose numbers are the same on replay. Use it instead of {@code new Random()}
   * or {@code Math.random()}.
   */
  public static Random newRandom() {
    return WorkflowContext.current().newRandom();
  }

  /** What the running workflow knows about itself: ids, type, task queue, attempt, start time. */
  public static WorkflowInfo getInfo() {
    return WorkflowContext.current().info();
  }

  /**
   * A logger for workflow code that prints nothing while the workflow replays history, so each line
   * appears once however often the code is replayed.
   */
  public static Logger getLogger(Class<?> type) {
    Objects.requireNonNull(type, "type");
    return ReplaySafeLogger.wrap(LoggerFactory.getLogger(type));
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
