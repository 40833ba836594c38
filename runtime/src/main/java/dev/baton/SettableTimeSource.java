package dev.baton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock for tests: it stands still until {@link #set} or {@link #advance} moves it, and each move
 * wakes Baton's workers and sweepers so that leases, retries and timers due by then are acted on.
 */
public final class SettableTimeSource implements TimeSource {
  private volatile long nowMillis;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  SettableTimeSource(Instant start) {
    this.nowMillis = start.toEpochMilli();
  }

  /** The current time. */
  public Instant now() {
    return Instant.ofEpochMilli(nowMillis);
  }

  /** The current time in epoch milliseconds. */
  public long nowMillis() {
    return nowMillis;
  }

  /** Moves the clock to {@code time}, which must not be earlier than now. */
  public void set(Instant time) {
    synchronized (this) {
      long millis = time.toEpochMilli();
      if (millis < nowMillis) {
        throw new IllegalArgumentException("time cannot go back: " + time + " is before " + now());
      }
      nowMillis = millis;
    }
    listeners.forEach(Runnable::run);
  }

  /** Moves the clock forward by {@code duration}. */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("time cannot go back: " + duration);
    }
    synchronized (this) {
      nowMillis += duration.toMillis();
    }
    listeners.forEach(Runnable::run);
  }

  /** Runs {@code listener} after every move of the clock. Used by Baton to wake its pollers. */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  /** Stops running {@code listener}. */
  public void removeListener(Runnable listener) {
    listeners.remove(listener);
  }

  @Override
  public String toString() {
    return "SettableTimeSource{now=" + now() + "}";
  }
}
