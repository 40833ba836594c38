package dev.baton.internal.worker;

import dev.baton.internal.Wakeup;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims tasks while there are free slots and hands each to the executor. When nothing is found it
 * waits for an in-process wake-up, or for a poll interval that doubles up to a maximum.
 */
final class PollLoop<T> implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(PollLoop.class);
  private static final long MIN_BACKOFF_MILLIS = 10;

  private final String name;
  private final Semaphore slots;
  private final IntFunction<List<T>> claim;
  private final Consumer<T> handler;
  private final ExecutorService executor;
  private final Wakeup wakeup;
  private final long maxBackoffMillis;
  private volatile boolean running = true;

  PollLoop(
      String name,
      int slotCount,
      IntFunction<List<T>> claim,
      Consumer<T> handler,
      ExecutorService executor,
      Wakeup wakeup,
      long maxBackoffMillis) {
    this.name = name;
    this.slots = new Semaphore(slotCount);
    this.claim = claim;
    this.handler = handler;
    this.executor = executor;
    this.wakeup = wakeup;
    this.maxBackoffMillis = maxBackoffMillis;
  }

  /** Stops claiming; tasks already handed over go on. */
  void stop() {
    running = false;
    wakeup.signal();
  }

  @Override
  public void run() {
    long backoff = MIN_BACKOFF_MILLIS;
    while (running) {
      try {
        slots.acquire();
        int free = 1 + slots.drainPermits();
        long generation = wakeup.generation();
        List<T> tasks = List.of();
        try {
          if (running) {
            tasks = claim.apply(free);
          }
        } catch (RuntimeException e) {
          log.warn("{}: polling failed; will retry", name, e);
        } finally {
          slots.release(free - tasks.size());
        }
        for (T task : tasks) {
          executor.execute(
              () -> {
                try {
                  handler.accept(task);
                } finally {
                  slots.release();
                }
              });
        }
        if (tasks.isEmpty()) {
          // Jitter spreads the polls of many workers in other processes over time.
          wakeup.await(
              generation, backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
          backoff =
              wakeup.generation() != generation
                  ? MIN_BACKOFF_MILLIS
                  : Math.min(backoff * 2, maxBackoffMillis);
        } else {
          backoff = MIN_BACKOFF_MILLIS;
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
