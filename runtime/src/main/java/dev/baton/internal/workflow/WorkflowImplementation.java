package dev.baton.internal.workflow;

import dev.baton.WorkflowDispatcher;
import java.util.function.Supplier;

/**
 * A registered workflow type: its dispatcher and a factory for one instance per run.
 *
 * @param dispatcher runs the workflow method
 * @param factory creates the implementation object
 * @param <T> the workflow type
 */
public record WorkflowImplementation<T>(
    WorkflowDispatcher<T> dispatcher, Supplier<? extends T> factory) {
  /** The workflow type name. */
  public String typeName() {
    return dispatcher.type().name();
  }

  /** A new workflow object. */
  Object newWorkflow() {
    return factory.get();
  }

  @SuppressWarnings("unchecked")
  private WorkflowDispatcher<Object> untyped() {
    return (WorkflowDispatcher<Object>) dispatcher;
  }

  Object run(Object workflow, Object[] arguments) throws Exception {
    return untyped().execute(workflow, arguments);
  }

  void signal(Object workflow, String name, Object[] arguments) throws Exception {
    untyped().signal(workflow, name, arguments);
  }

  Object query(Object workflow, String name, Object[] arguments) throws Exception {
    return untyped().query(workflow, name, arguments);
  }
}
