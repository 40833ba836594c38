package dev.baton.internal.testing;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lease tokens of activity attempts that a mock holds without ever completing. The test
 * environment counts such an attempt as waiting for its timeout, not as work in progress, so time
 * may skip to the timeout. Lease tokens are unique, so one set serves every environment.
 */
public final class ParkedActivities {
  /** A held attempt: its run and its thread. */
  private record Held(String runId, Thread thread) {}

  private static final Map<String, Held> LEASE_TOKENS = new ConcurrentHashMap<>();

  private ParkedActivities() {}

  /**
   * Notes that the attempt of run {@code runId} holding {@code leaseToken}, on this thread, will
   * never complete.
   */
  public static void park(String runId, String leaseToken) {
    LEASE_TOKENS.put(leaseToken, new Held(runId, Thread.currentThread()));
  }

  /** Forgets {@code leaseToken}. */
  public static void unpark(String leaseToken) {
    LEASE_TOKENS.remove(leaseToken);
  }

  /** Whether the attempt holding {@code leaseToken} is parked. */
  static boolean isParked(String leaseToken) {
    return LEASE_TOKENS.containsKey(leaseToken);
  }

  /**
   * Interrupts the parked attempts of the runs {@code runIds}, timed out or not, so their threads
   * end.
   */
  static void interrupt(Collection<String> runIds) {
    LEASE_TOKENS
        .values()
        .removeIf(
            held -> {
              if (runIds.contains(held.runId())) {
                held.thread().interrupt();
                return true;
              }
              return false;
            });
  }
}
