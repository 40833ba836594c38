package dev.baton;

/**
 * Runs one workflow type's methods on an instance without reflection. The annotation processor
 * generates one per {@link Workflow} type, named {@code XDispatcher} beside it ({@code
 * Outer_InnerDispatcher} for a nested type), and the worker finds it by that name; implement it by
 * hand to use Baton without the processor.
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
}
