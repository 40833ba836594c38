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

  Object run(Object[] arguments) throws Exception {
    return dispatcher.execute(factory.get(), arguments);
  }
}
