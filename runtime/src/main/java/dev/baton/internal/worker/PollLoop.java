package dev.baton.internal.worker;

import dev.baton.internal.Wakeup;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
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

  /**
   * Sets aside up to {@code wanted} free slots for tasks this worker leased to itself without a
   * claim; returns how many. Each must be given back with {@link #release} or used by {@link
   * #runReserved}.
   */
  int tryReserve(int wanted) {
    int reserved = 0;
    while (reserved < wanted && running && slots.tryAcquire()) {
      reserved++;
    }
    return reserved;
  }

  /** Gives back {@code count} slots set aside by {@link #tryReserve} and not used. */
  void release(int count) {
    if (count > 0) {
      slots.release(count);
    }
  }

  /**
   * Runs {@code task} in a slot set aside by {@link #tryReserve}, which it frees when done. Returns
   * {@code false}, the slot freed, when the worker is shutting down and runs nothing more.
   */
  boolean runReserved(T task) {
    return runInReservedSlot(() -> handler.accept(task));
  }

  /**
   * Runs {@code work} in a slot set aside by {@link #tryReserve}, which it frees when done. Returns
   * {@code false}, the slot freed, when the worker is shutting down and runs nothing more.
   */
  boolean runInReservedSlot(Runnable work) {
    try {
      executor.execute(
          () -> {
            try {
              work.run();
            } finally {
              slots.release();
            }
          });
      return true;
    } catch (RejectedExecutionException e) {
      slots.release();
      return false;
    }
  }

  /**
   * Runs a claimed task for which no slot was left: it waits for a thread of the executor, whose
   * size is the slot count, so the worker never runs more than its slots at once.
   */
  private void runBeyondSlots(T task) {
    executor.execute(() -> handler.accept(task));
  }

  /** Whether the loop still takes new work ({@link #stop()} not called). */
  boolean isRunning() {
    return running;
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
        // Wait for a free slot, and hold only that one while claiming: the other free slots stay
        // free for tasks this worker leases to itself meanwhile (tryReserve).
        slots.acquire();
        long generation = wakeup.generation();
        List<T> tasks = List.of();
        try {
          if (running) {
            tasks = claim.apply(1 + slots.availablePermits());
          }
        } catch (RuntimeException e) {
          log.warn("{}: polling failed; will retry", name, e);
        }
        if (tasks.isEmpty()) {
          slots.release();
        }
        int held = 1;
        while (held < tasks.size() && slots.tryAcquire()) {
          held++;
        }
        for (int i = 0; i < tasks.size(); i++) {
          if (i < held) {
            runReserved(tasks.get(i));
          } else {
            runBeyondSlots(tasks.get(i)); // its slot went to a self-leased task meanwhile
          }
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
