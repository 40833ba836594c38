package dev.baton.internal.testing;

import dev.baton.SettableTimeSource;
import dev.baton.testing.NonDeterministicCallException;
import dev.baton.testing.WorkflowTaskFailedError;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Drives virtual time. While a test waits (for a result, or in {@code sleep}), it reads the
 * engine's state from the database: when nothing can run and only timed things are pending (timers,
 * retry back-offs, timeouts), it moves the clock to the earliest of them, and no further, so timers
 * of different runs fire in their order. It never decides "idle" from elapsed wall time.
 */
public final class TimeSkipper {
  /**
   * Pauses between two reads of the engine's state while work is running: short at first, since
   * most steps take a millisecond or two, then longer, so a long activity does not keep a core busy
   * with reads.
   */
  private static final long MIN_POLL_NANOS = 200_000;

  private static final long MAX_POLL_NANOS = 2_000_000;

  /** After this long busy, the clock is "moved" by zero to wake sweepers and pollers again. */
  private static final long NUDGE_NANOS = 20_000_000;

  private final SettableTimeSource clock;
  private final EngineProbe probe;
  private final List<NonDeterministicCallException> violations = new CopyOnWriteArrayList<>();
  private final Set<String> liveWorkers = ConcurrentHashMap.newKeySet();
  private volatile String lastPending = "";

  /** A skipper moving {@code clock}, reading the engine's state through {@code connection}. */
  public TimeSkipper(SettableTimeSource clock, Connection connection) {
    this.clock = clock;
    this.probe = new EngineProbe(connection);
  }

  /** Notes that the worker {@code identity} runs (or, with {@code false}, has stopped). */
  void workerRunning(String identity, boolean running) {
    if (running) {
      liveWorkers.add(identity);
    } else {
      liveWorkers.remove(identity);
    }
  }

  /** Notes a forbidden call made by workflow code; the next wait fails with it. */
  public void report(NonDeterministicCallException violation) {
    violations.add(violation);
  }

  /**
   * Runs the engine, skipping time whenever it is idle, until {@code done} holds or {@code
   * wallDeadlineNanos} (a {@link System#nanoTime()} value) passes. Returns whether {@code done}
   * held.
   *
   * @throws WorkflowTaskFailedError if a workflow task failed meanwhile
   */
  public boolean runUntil(BooleanSupplier done, long wallDeadlineNanos) {
    return run(done, Long.MAX_VALUE, wallDeadlineNanos);
  }

  /**
   * Moves virtual time to {@code target}, stopping at every due time on the way until the engine is
   * idle, then waits until it is idle at {@code target}.
   *
   * @throws IllegalStateException if that takes longer than {@code wallDeadlineNanos} allows
   * @throws WorkflowTaskFailedError if a workflow task failed meanwhile
   */
  public void advanceTo(Instant target, long wallDeadlineNanos) {
    long targetMillis = target.toEpochMilli();
    boolean reached =
        run(() -> clock.nowMillis() >= targetMillis, targetMillis, wallDeadlineNanos)
            && run(() -> false, targetMillis, wallDeadlineNanos);
    if (!reached) {
      throw new IllegalStateException(
          (clock.nowMillis() < targetMillis
                  ? "Virtual time did not reach " + target
                  : "The workflows did not become idle at " + target)
              + " within the wall-clock timeout: "
              + (lastPending.isEmpty() ? "workflow code kept running" : lastPending));
    }
  }

  /**
   * The loop: {@code done} is checked whenever the engine is idle (and before each skip); when it
   * is not done and the engine is idle, time moves to the next due time not after {@code limit}.
   * With {@code limit} reached and the engine idle, returns {@code true}.
   */
  private boolean run(BooleanSupplier done, long limitMillis, long wallDeadlineNanos) {
    long busySince = System.nanoTime();
    long poll = MIN_POLL_NANOS;
    while (true) {
      checkViolations();
      if (done.getAsBoolean()) {
        return true;
      }
      EngineState state = probe.read(clock.nowMillis(), liveWorkers::contains);
      if (!state.pending().equals(lastPending)) {
        poll = MIN_POLL_NANOS; // the engine moved on: look again soon
      }
      lastPending = state.pending();
      if (state.failedTask() != null) {
        throw new WorkflowTaskFailedError(state.failedTask());
      }
      if (System.nanoTime() - wallDeadlineNanos > 0) {
        return false; // checked before any skip, so a zero timeout never moves time
      }
      if (!state.busy()) {
        busySince = System.nanoTime();
        if (done.getAsBoolean()) {
          return true;
        }
        Long next = state.nextDueMillis();
        if (next != null && next <= limitMillis) {
          clock.set(Instant.ofEpochMilli(next));
          poll = MIN_POLL_NANOS;
          continue;
        }
        if (limitMillis != Long.MAX_VALUE) {
          if (clock.nowMillis() < limitMillis) {
            clock.set(Instant.ofEpochMilli(limitMillis));
            continue;
          }
          return true; // idle at the limit
        }
      } else if (System.nanoTime() - busySince > NUDGE_NANOS) {
        // Sweepers and pollers also run on their own intervals; a zero move wakes them now.
        clock.advance(java.time.Duration.ZERO);
        busySince = System.nanoTime();
      }
      pause(poll);
      poll = Math.min(MAX_POLL_NANOS, poll * 2);
    }
  }

  /**
   * What kept the engine busy at the last look, for a timeout's message: such as "a workflow task
   * of 'x' on task queue 'q' waits for a worker to take it"; empty when it was idle.
   */
  public String lastPending() {
    return lastPending;
  }

  /** Interrupts the activity attempts that mocks hold without completing, so workers can stop. */
  public void releaseParkedActivities() {
    ParkedActivities.release(probe.runIds());
  }

  private void checkViolations() {
    if (!violations.isEmpty()) {
      NonDeterministicCallException first = violations.get(0);
      throw new WorkflowTaskFailedError(first.getMessage(), first);
    }
  }

  private static void pause(long nanos) {
    LockSupport.parkNanos(nanos);
    if (Thread.interrupted()) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for workflows");
    }
  }
}
