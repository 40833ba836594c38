package dev.baton.internal.workflow;

/**
 * A workflow thread ran for too long without yielding to Baton: it blocks outside Baton's API (a
 * lock, I/O, {@code Thread.sleep}) or loops forever. The workflow task fails.
 */
public final class PotentialDeadlockException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PotentialDeadlockException(String threadName, long millis, StackTraceElement[] stack) {
    super(
        "Workflow thread '"
            + threadName
            + "' did not yield to Baton within "
            + millis
            + " ms: it blocks outside Baton's API (a lock, I/O, Thread.sleep) or loops. Use"
            + " Workflow.sleep, activities and promises instead. It was at:"
            + format(stack));
  }

  private static String format(StackTraceElement[] stack) {
    StringBuilder text = new StringBuilder();
    for (StackTraceElement element : stack) {
      text.append("\n\tat ").append(element);
    }
    return text.toString();
  }
}
