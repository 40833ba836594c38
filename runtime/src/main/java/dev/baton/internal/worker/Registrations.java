package dev.baton.internal.worker;

import dev.baton.internal.workflow.WorkflowImplementation;

/**
 * Finds a workflow implementation's generated dispatcher the way a worker does, for tools that run
 * workflow code outside a worker (the replay harness).
 */
public final class Registrations {
  private Registrations() {}

  /**
   * The registration of {@code implementationClass}, as {@code Worker.registerWorkflow} would make
   * it.
   *
   * @throws IllegalArgumentException as {@code Worker.registerWorkflow} does
   */
  public static WorkflowImplementation<?> workflow(Class<?> implementationClass) {
    Registry registry = new Registry();
    registry.addWorkflow(implementationClass);
    return registry.workflows().values().iterator().next();
  }
}
