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

  /**
   * Runs a child workflow and waits for its result. The child is a run of its own (with its own
   * history, on its own task queue, perhaps served by another application); its result, or its
   * failure as a {@link ChildWorkflowFailure}, comes back to this workflow. Generated {@code
   * XChildStub}s call this.
   *
   * @param type the child's workflow type
   * @param options the child's id, task queue and parent-close policy
   * @param arguments the child's arguments, matching {@code type}'s parameters
   * @throws ChildWorkflowFailure if the child failed, was terminated or could not start
   */
  public static <R> R executeChildWorkflow(
      WorkflowType<R> type, ChildWorkflowOptions options, Object @Nullable ... arguments) {
    return executeChildWorkflowAsync(type, options, arguments).get();
  }

  /** Starts a child workflow and returns at once with a promise of its result. */
  public static <R> Promise<R> executeChildWorkflowAsync(
      WorkflowType<R> type, ChildWorkflowOptions options, Object @Nullable ... arguments) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(options, "options");
    return WorkflowContext.current().executeChildWorkflow(type, options, orOneNull(arguments));
  }

  /**
   * A new workflow id for a child: this workflow's id, a slash and {@link #randomUUID()}, the same
   * on every replay. The default when {@link ChildWorkflowOptions} set none.
   */
  public static String newChildWorkflowId() {
    return WorkflowContext.current().info().workflowId() + "/" + randomUUID();
  }

  /**
   * Signals the running run of another workflow (SWF's SignalExternalWorkflowExecution). The
   * promise completes when the signal is in the other run's history; it fails with an {@link
   * ApplicationFailure} of type {@code WORKFLOW_NOT_FOUND} when no run of {@code workflowId} is
   * running, or {@code UNKNOWN_SIGNAL} when its type has no such signal.
   */
  public static Promise<Void> signalExternalWorkflow(
      String workflowId, SignalType signal, Object @Nullable ... arguments) {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(signal, "signal");
    return WorkflowContext.current()
        .signalExternalWorkflow(workflowId, signal, orOneNull(arguments));
  }

  /**
   * Asks the running run of another workflow to cancel (SWF's
   * RequestCancelExternalWorkflowExecution): its code sees a {@link CanceledFailure} where it
   * waits. The promise completes when the request is in the other run's history, or fails with an
   * {@link ApplicationFailure} of type {@code WORKFLOW_NOT_FOUND}.
   */
  public static Promise<Void> requestCancelExternalWorkflow(String workflowId) {
    Objects.requireNonNull(workflowId, "workflowId");
    return WorkflowContext.current().requestCancelExternalWorkflow(workflowId);
  }

  /**
   * A cancellation scope around {@code body}, inside the current scope (cancelled when it is); call
   * {@link CancellationScope#run()} to run it, {@link CancellationScope#cancel()} to cancel what it
   * started.
   */
  public static CancellationScope newCancellationScope(Runnable body) {
    Objects.requireNonNull(body, "body");
    return WorkflowContext.current().newCancellationScope(false, body);
  }

  /**
   * A cancellation scope that the cancellation of the scopes around it does not reach: for clean-up
   * that must run although the workflow is being cancelled (compensations, releasing what was
   * reserved).
   */
  public static CancellationScope newDetachedCancellationScope(Runnable body) {
    Objects.requireNonNull(body, "body");
    return WorkflowContext.current().newCancellationScope(true, body);
  }

  /**
   * Ends this run and starts a new run of the same workflow id and type, with {@code arguments} and
   * an empty history: for workflows that loop for long (polling, periodic jobs), whose history
   * would otherwise grow without bound. Never returns; the new run's code starts from the top.
   * {@link WorkflowHandle#result()} follows the chain to the last run.
   */
  public static void continueAsNew(Object @Nullable ... arguments) {
    WorkflowContext.current().continueAsNew(orOneNull(arguments));
  }

  /** What {@link #getVersion} returns for a run whose history predates the change. */
  public static final int DEFAULT_VERSION = -1;

  /**
   * Lets workflow code change safely while runs are open. At the point of a change, ask which
   * version of it this run uses: a run that reaches this point for the first time records {@code
   * maxSupported} (a marker in history) and gets it; a run whose history was recorded before the
   * change gets {@link #DEFAULT_VERSION}; a replay gets what was recorded. Keep a branch for each
   * version still in {@code [minSupported, maxSupported]}; raise {@code minSupported} once no open
   * run uses the older ones.
   *
   * <pre>{@code
   * int version = Workflows.getVersion("fraud-check", Workflows.DEFAULT_VERSION, 1);
   * if (version == 1) {
   *   fraud.check(order);
   * }
   * }</pre>
   *
   * @throws IllegalStateException if this run's version is outside {@code [minSupported,
   *     maxSupported]}: its workflow task fails, saying so, until code that supports it runs it
   */
  public static int getVersion(String changeId, int minSupported, int maxSupported) {
    Objects.requireNonNull(changeId, "changeId");
    if (minSupported < DEFAULT_VERSION || maxSupported < minSupported) {
      throw new IllegalArgumentException(
          "Versions must satisfy DEFAULT_VERSION <= minSupported <= maxSupported; got "
              + minSupported
              + ".."
              + maxSupported);
    }
    return WorkflowContext.current().getVersion(changeId, minSupported, maxSupported);
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
