package dev.baton.internal.testing;

import dev.baton.ActivityDispatcher;
import dev.baton.Worker;
import dev.baton.WorkflowDispatcher;
import dev.baton.testing.NonDeterministicCallException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A worker that registers workflow implementation classes through the determinism guard. Activity
 * objects and hand-registered dispatchers pass through untouched.
 */
public final class GuardedWorker implements Worker {
  private final Worker delegate;
  private final Consumer<NonDeterministicCallException> reporter;

  /** Wraps {@code delegate}; violations go to {@code reporter}. */
  public GuardedWorker(Worker delegate, Consumer<NonDeterministicCallException> reporter) {
    this.delegate = delegate;
    this.reporter = reporter;
  }

  @Override
  public String taskQueue() {
    return delegate.taskQueue();
  }

  @Override
  public Worker registerWorkflow(Class<?> implementationClass) {
    Objects.requireNonNull(implementationClass, "implementationClass");
    delegate.registerWorkflow(GuardedClassLoader.guard(implementationClass, reporter));
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
    delegate.registerActivities(implementations);
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
    return this;
  }

  @Override
  public boolean shutdown(Duration timeout) {
    return delegate.shutdown(timeout);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
