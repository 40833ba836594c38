package dev.baton.internal.activity;

import dev.baton.ActivityContext;

/** Holds the context of the activity running on the current thread. */
public final class ActivityContextHolder {
  private static final ThreadLocal<ActivityContext> CURRENT = new ThreadLocal<>();

  private ActivityContextHolder() {}

  /** The current activity's context. */
  public static ActivityContext current() {
    ActivityContext context = CURRENT.get();
    if (context == null) {
      throw new IllegalStateException(
          "ActivityContext.current() was called outside an activity method");
    }
    return context;
  }

  /**
   * Runs {@code body} with {@code context} as the current activity's context on this thread, as an
   * activity worker does; for tools that run an activity method outside a worker (the test
   * harness's activity environment).
   */
  public static <T> T callWith(ActivityContext context, java.util.concurrent.Callable<T> body)
      throws Exception {
    ActivityContext previous = CURRENT.get();
    CURRENT.set(context);
    try {
      return body.call();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  static void set(ActivityContext context) {
    CURRENT.set(context);
  }

  static void clear() {
    CURRENT.remove();
  }
}
