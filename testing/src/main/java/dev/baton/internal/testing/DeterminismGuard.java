package dev.baton.internal.testing;

import dev.baton.testing.NonDeterministicCallException;

/**
 * The target of the calls the determinism guard inserts into workflow code before each forbidden
 * call. Public because instrumented classes in other packages call it.
 */
public final class DeterminismGuard {
  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  private DeterminismGuard() {}

  /**
   * Reports the forbidden call described by {@code message} to the environment that loaded the
   * calling class and throws, so the call never runs.
   */
  public static void violation(String message) {
    NonDeterministicCallException failure = new NonDeterministicCallException(message);
    if (WALKER.getCallerClass().getClassLoader() instanceof GuardedClassLoader loader) {
      loader.report(failure);
    }
    throw failure;
  }
}
