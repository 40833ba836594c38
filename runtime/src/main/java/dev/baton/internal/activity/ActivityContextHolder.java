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

  static void set(ActivityContext context) {
    CURRENT.set(context);
  }

  static void clear() {
    CURRENT.remove();
  }
}
