package dev.baton.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread that runs one piece of work every {@code intervalMillis} and as soon as its
 * wake-up is signalled, logging failures and going on until closed.
 */
final class BackgroundLoop implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);

  private final Wakeup wakeup;
  private final long intervalMillis;
  private final Runnable work;
  private final Thread thread;
  private volatile boolean running = true;

  BackgroundLoop(String name, Wakeup wakeup, long intervalMillis, Runnable work) {
    this.wakeup = wakeup;
    this.intervalMillis = intervalMillis;
    this.work = work;
    this.thread = new Thread(this::loop, name);
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void loop() {
    while (running) {
      long generation = wakeup.generation();
      try {
        work.run();
      } catch (RuntimeException e) {
        if (running) {
          log.warn("{} failed; will retry", thread.getName(), e);
        }
      }
      try {
        wakeup.await(generation, intervalMillis);
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
