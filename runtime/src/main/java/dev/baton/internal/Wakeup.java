package dev.baton.internal;

/**
 * An in-process signal that new work may be there: committing code calls {@link #signal()}, and
 * pollers wait on it between polls, so a local worker never waits for its next poll.
 */
public final class Wakeup {
  private long generation;

  /** The current generation; pass it to {@link #await} to wait for the next signal. */
  public synchronized long generation() {
    return generation;
  }

  /** Wakes every waiter. */
  public synchronized void signal() {
    generation++;
    notifyAll();
  }

  /**
   * Waits until a signal after {@code seenGeneration}, or {@code timeoutMillis}. Returns at once if
   * one came already.
   */
  public synchronized void await(long seenGeneration, long timeoutMillis)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (generation == seenGeneration) {
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        return;
      }
      wait(left);
    }
  }
}
