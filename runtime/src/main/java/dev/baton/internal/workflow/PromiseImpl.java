package dev.baton.internal.workflow;

import dev.baton.Promise;
import org.jspecify.annotations.Nullable;

/** A promise completed by the workflow's event handling, awaited through its scheduler. */
final class PromiseImpl<T> implements Promise<T> {
  private final DeterministicScheduler scheduler;
  private boolean completed;
  private @Nullable T value;
  private @Nullable RuntimeException failure;
  private @Nullable CancellationScopeImpl scope;

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

  /** Completes the promise, unless it already is (a cancelled operation ignores its outcome). */
  void complete(@Nullable T result) {
    if (completed) {
      return;
    }
    this.value = result;
    this.completed = true;
    forgetCancellation();
  }

  /** Fails the promise, unless it is already completed. */
  void fail(RuntimeException exception) {
    if (completed) {
      return;
    }
    this.failure = exception;
    this.completed = true;
    forgetCancellation();
  }

  /** Cancels the operation behind this promise when {@code scope} is cancelled before it ends. */
  void cancelWith(CancellationScopeImpl scope, Runnable cancel) {
    this.scope = scope;
    scope.onCancel(this, cancel);
  }

  private void forgetCancellation() {
    if (scope != null) {
      scope.forget(this);
      scope = null;
    }
  }
}
