package dev.baton.internal.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Timers that were due when a transaction read the database's clock.
 *
 * @param timers the timers
 * @param now the database's time then, epoch milliseconds
 * @param nanos {@link System#nanoTime()} then
 */
public record DueTimers(List<DueTimer> timers, long now, long nanos) {
  /**
   * These timers in parts of about {@code size} each, cut between runs, so that each run's timers
   * are in one part.
   */
  public List<DueTimers> byRuns(int size) {
    List<DueTimer> sorted = new ArrayList<>(timers);
    sorted.sort(DueTimer.LOCK_ORDER);
    List<DueTimers> parts = new ArrayList<>();
    int from = 0;
    while (from < sorted.size()) {
      int to = Math.min(from + size, sorted.size());
      while (to < sorted.size() && sorted.get(to).runId().equals(sorted.get(to - 1).runId())) {
        to++;
      }
      parts.add(new DueTimers(List.copyOf(sorted.subList(from, to)), now, nanos));
      from = to;
    }
    return parts;
  }
}
