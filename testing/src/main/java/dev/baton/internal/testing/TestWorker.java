package dev.baton.internal.testing;

import dev.baton.ActivityDispatcher;
import dev.baton.Worker;
import dev.baton.WorkflowDispatcher;
import dev.baton.internal.worker.WorkerImpl;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A worker of the test environment: it registers workflow implementation classes through the
 * determinism guard (when {@code guard} is on) and activity objects {@linkplain TrackedActivities
 * tracked}. Hand-registered dispatchers pass through untouched.
 */
public final class TestWorker implements Worker {
  private final Worker delegate;
  private final boolean guard;
  private final TimeSkipper skipper;

  /**
   * Wraps {@code delegate}; with {@code guard}, violations go to {@code skipper}, which also learns
   * when the worker runs.
   */
  public TestWorker(Worker delegate, boolean guard, TimeSkipper skipper) {
    this.delegate = delegate;
    this.guard = guard;
    this.skipper = skipper;
  }

  private void running(boolean running) {
    if (delegate instanceof WorkerImpl worker) {
      skipper.workerRunning(worker.identity(), running);
    }
  }

  @Override
  public String taskQueue() {
    return delegate.taskQueue();
  }

  @Override
  public Worker registerWorkflow(Class<?> implementationClass) {
    Objects.requireNonNull(implementationClass, "implementationClass");
    delegate.registerWorkflow(
        guard && GuardedClassLoader.canGuard(implementationClass)
            ? GuardedClassLoader.guard(implementationClass, skipper::report)
            : implementationClass); // the worker reports what is wrong with a class it cannot take
    return this;
  }

  @Override
  public <T> Worker registerWorkflow(
      WorkflowDispatcher<T> dispatcher, Supplier<? extends T> factory) {
    delegate.registerWorkflow(dispatcher, factory);
    return this;
  }

  @Override
  public Worker registerActivities(Object... implementations) {
    Objects.requireNonNull(implementations, "implementations");
    Object[] tracked = new Object[implementations.length];
    for (int i = 0; i < implementations.length; i++) {
      tracked[i] =
          TrackedActivities.wrap(
              Objects.requireNonNull(implementations[i], "activity implementation"));
    }
    delegate.registerActivities(tracked);
    return this;
  }

  @Override
  public <T> Worker registerActivities(ActivityDispatcher<T> dispatcher, T implementation) {
    delegate.registerActivities(dispatcher, implementation);
    return this;
  }

  @Override
  public Worker start() {
    delegate.start();
    running(true);
    return this;
  }

  @Override
  public boolean shutdown(Duration timeout) {
    running(false);
    return delegate.shutdown(timeout);
  }

  @Override
  public void close() {
    running(false);
    delegate.close();
  }
}
