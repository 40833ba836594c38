package dev.baton.internal.store;

import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The latest time the database's clock gave this process, and when (by {@link System#nanoTime()})
 * it arrived: enough to tell the database's now without asking it, never ahead of it.
 */
final class KnownTime {
  private record Reading(long millis, long nanos) {}

  private volatile @Nullable Reading latest;

  /** Notes {@code millis}, just read from the database's clock. */
  void note(long millis) {
    latest = new Reading(millis, System.nanoTime());
  }

  /** The database's now by the latest reading and the time elapsed since; -1 before any reading. */
  long estimate() {
    Reading reading = latest;
    return reading == null ? -1 : since(reading.millis(), reading.nanos());
  }

  /** {@code millis}, a time read when {@link System#nanoTime()} was {@code nanos}, moved to now. */
  static long since(long millis, long nanos) {
    return millis + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }
}
