package dev.baton;

import dev.baton.internal.workflow.WorkflowContext;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Promise combinators' implementation. */
final class Promises {
  private Promises() {}

  /** A promise derived from others: completed when {@code done} holds, valued by {@code value}. */
  static final class Derived<T> implements Promise<T> {
    private final BooleanSupplier done;
    private final Supplier<T> value;

    Derived(BooleanSupplier done, Supplier<T> value) {
      this.done = done;
      this.value = value;
    }

    @Override
    public T get() {
      if (!done.getAsBoolean()) {
        WorkflowContext.current().await(done);
      }
      return value.get();
    }

    @Override
    public boolean isCompleted() {
      return done.getAsBoolean();
    }
  }
}
