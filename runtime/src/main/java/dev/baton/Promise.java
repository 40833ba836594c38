package dev.baton;

import java.util.Collection;
import java.util.List;

/**
 * The result of an asynchronous call in workflow code, such as an activity started through a stub's
 * {@code async()}. Waiting on a promise is durable: the workflow may be unloaded and resumed on
 * another worker while it waits.
 *
 * @param <T> the value type
 */
public interface Promise<T> {
  /**
   * Waits for the value and returns it, or throws the failure the call ended with (an unchecked
   * {@link WorkflowFailure} such as {@link ActivityFailure}). Only workflow code may call this.
   */
  T get();

  /** Whether the call has ended, with a value or a failure. */
  boolean isCompleted();

  /**
   * A promise completed when every one of {@code promises} has completed; its {@link #get()} throws
   * the failure of the first (in list order) that failed.
   */
  static Promise<Void> allOf(Collection<? extends Promise<?>> promises) {
    List<Promise<?>> all = List.copyOf(promises);
    return new Promises.Derived<>(
        () -> all.stream().allMatch(Promise::isCompleted),
        () -> {
          all.forEach(Promise::get);
          return null;
        });
  }

  /** A promise completed when every one of {@code promises} has completed. */
  static Promise<Void> allOf(Promise<?>... promises) {
    return allOf(List.of(promises));
  }

  /**
   * A promise completed when any of {@code promises} has completed, with that one's value (the
   * first in list order, when several have).
   */
  static <T> Promise<T> anyOf(Collection<? extends Promise<? extends T>> promises) {
    List<Promise<? extends T>> all = List.copyOf(promises);
    if (all.isEmpty()) {
      throw new IllegalArgumentException("anyOf needs at least one promise");
    }
    return new Promises.Derived<>(
        () -> all.stream().anyMatch(Promise::isCompleted),
        () -> all.stream().filter(Promise::isCompleted).findFirst().orElseThrow().get());
  }

  /** A promise completed when any of {@code promises} has completed. */
  @SafeVarargs
  @SuppressWarnings("varargs") // only read, never stored as an array
  static <T> Promise<T> anyOf(Promise<? extends T>... promises) {
    return anyOf(List.of(promises));
  }
}
