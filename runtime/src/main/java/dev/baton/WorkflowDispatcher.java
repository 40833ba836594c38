package dev.baton;

import java.util.List;

/**
 * Runs one workflow type's methods on an instance without reflection. The annotation processor
 * generates one per {@link Workflow} type, nested in its client as {@code XClient.Dispatcher}
 * ({@code Outer_InnerClient.Dispatcher} for a nested type), and the worker finds it by that name
 * (or a sibling class named {@code XDispatcher}); implement it by hand (or extend {@link
 * AbstractWorkflowDispatcher}) to use Baton without the processor.
 *
 * @param <T> the workflow type (the annotated interface or class)
 */
public interface WorkflowDispatcher<T> {
  /** The workflow's name, task queue, input and result types. */
  WorkflowType<?> type();

  /** The annotated workflow interface or class. */
  Class<T> workflowClass();

  /**
   * Calls the workflow method on {@code workflow} with already decoded arguments and returns its
   * result ({@code null} for {@code void}).
   */
  Object execute(T workflow, Object[] arguments) throws Exception;

  /**
   * Whether {@code failure}, thrown out of the workflow method, fails the run (as listed in {@link
   * WorkflowMethod#failRunOn()}) rather than the workflow task. {@link WorkflowFailure}s always
   * fail the run and need not be listed.
   */
  default boolean failsRun(Throwable failure) {
    return false;
  }

  /** The signals this workflow type accepts, sorted by name. */
  default List<SignalType> signalTypes() {
    return List.of();
  }

  /**
   * Calls the {@link Signal} method named {@code signalName} on {@code workflow} with already
   * decoded arguments.
   *
   * @throws IllegalArgumentException if the type has no such signal
   */
  default void signal(T workflow, String signalName, Object[] arguments) throws Exception {
    throw new IllegalArgumentException(
        "Workflow type " + type().name() + " has no signal named " + signalName);
  }

  /** The queries this workflow type answers, sorted by name. */
  default List<QueryType<?>> queryTypes() {
    return List.of();
  }

  /**
   * Calls the {@link Query} method named {@code queryName} on {@code workflow} with already decoded
   * arguments and returns its answer.
   *
   * @throws IllegalArgumentException if the type has no such query
   */
  default Object query(T workflow, String queryName, Object[] arguments) throws Exception {
    throw new IllegalArgumentException(
        "Workflow type " + type().name() + " has no query named " + queryName);
  }
}
