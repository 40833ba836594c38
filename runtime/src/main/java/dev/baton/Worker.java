package dev.baton;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Polls one task queue and runs the workflow tasks and activity tasks found there. Register
 * workflow implementations and activity objects, then {@link #start()}. Closing a worker is a
 * graceful shutdown: it stops claiming tasks, lets running ones finish within the grace period,
 * releases the leases of those that did not, and returns.
 */
public interface Worker extends AutoCloseable {
  /** The task queue this worker polls. */
  String taskQueue();

  /**
   * Registers a workflow implementation class. Baton finds the generated dispatcher of the {@link
   * Workflow} type it implements (or is) and creates one instance per run with the class's
   * no-argument constructor.
   *
   * @throws IllegalArgumentException if the class implements no {@code @Workflow} type, has no
   *     accessible no-argument constructor, or its dispatcher was not generated
   */
  Worker registerWorkflow(Class<?> implementationClass);

  /** Registers a workflow type by its dispatcher, with a factory for one instance per run. */
  <T> Worker registerWorkflow(WorkflowDispatcher<T> dispatcher, Supplier<? extends T> factory);

  /**
   * Registers activity implementations: every {@link Activity} interface each object implements.
   *
   * @throws IllegalArgumentException if an object implements no {@code @Activity} interface
   */
  Worker registerActivities(Object... implementations);

  /** Registers one activity implementation by its dispatcher. */
  <T> Worker registerActivities(ActivityDispatcher<T> dispatcher, T implementation);

  /** Starts polling. Registrations must come before. Returns this worker. */
  Worker start();

  /**
   * Shuts down gracefully, waiting at most {@code timeout} for running tasks; leases of tasks still
   * running after that are released so other workers can take them. Returns whether every task
   * finished in time.
   */
  boolean shutdown(Duration timeout);

  /**
   * Shuts down gracefully with the {@linkplain WorkerOptions#shutdownGracePeriod() grace period}.
   */
  @Override
  void close();
}
