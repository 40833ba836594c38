package dev.baton.internal.workflow;

import dev.baton.Promise;
import org.jspecify.annotations.Nullable;

/** A promise completed by the workflow's event handling, awaited through its scheduler. */
final class PromiseImpl<T> implements Promise<T> {
  private final DeterministicScheduler scheduler;
  private boolean completed;
  private @Nullable T value;
  private @Nullable RuntimeException failure;

  PromiseImpl(DeterministicScheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public T get() {
    if (!completed) {
      scheduler.await(() -> completed);
    }
    if (failure != null) {
      throw failure;
    }
    return value;
  }

  @Override
  public boolean isCompleted() {
    return completed;
  }

  void complete(@Nullable T result) {
    this.value = result;
    this.completed = true;
  }

  void fail(RuntimeException exception) {
    this.failure = exception;
    this.completed = true;
  }
}
