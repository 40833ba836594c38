package dev.baton.internal;

import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread that runs one piece of work every {@code intervalMillis} (or sooner, when the
 * work says when it is next due) and as soon as its wake-up is signalled, logging failures and
 * going on until closed.
 */
final class BackgroundLoop implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);

  private static final long MIN_WAIT_MILLIS = 5;

  private final Wakeup wakeup;
  private final long intervalMillis;
  private final Runnable work;
  private final LongSupplier nextDueMillis;
  private final Thread thread;
  private volatile boolean running = true;

  BackgroundLoop(String name, Wakeup wakeup, long intervalMillis, Runnable work) {
    this(name, wakeup, intervalMillis, work, () -> Long.MAX_VALUE);
  }

  /**
   * A loop that, after each run of {@code work}, waits at most what {@code nextDueMillis} says (and
   * never longer than {@code intervalMillis}).
   */
  BackgroundLoop(
      String name, Wakeup wakeup, long intervalMillis, Runnable work, LongSupplier nextDueMillis) {
    this.wakeup = wakeup;
    this.intervalMillis = intervalMillis;
    this.work = work;
    this.nextDueMillis = nextDueMillis;
    this.thread = new Thread(this::loop, name);
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void loop() {
    while (running) {
      long generation = wakeup.generation();
      long wait = intervalMillis;
      try {
        work.run();
        // at least a few milliseconds, so that work due now but not done cannot spin the loop
        wait = Math.max(MIN_WAIT_MILLIS, Math.min(intervalMillis, nextDueMillis.getAsLong()));
      } catch (RuntimeException e) {
        if (running) {
          log.warn("{} failed; will retry", thread.getName(), e);
        }
      }
      try {
        wakeup.await(generation, wait);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Whether the loop has not been closed; long work checks it to stop early. */
  boolean running() {
    return running;
  }

  /** Stops the loop, waiting up to 5 seconds for the running work to end. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
