package dev.baton.internal.testing;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The lease tokens of activity attempts that no code is working on although their lease is held: a
 * mock's call held forever, or an attempt whose method returned after {@code
 * doNotCompleteOnReturn()} and waits for completion by token. The test environment counts such an
 * attempt as waiting (for the test, or for its timeout), not as work in progress, so time may skip.
 * Lease tokens are unique, so one map serves every environment.
 */
public final class ParkedActivities {
  /** A parked attempt: its run, and the thread holding it ({@code null} when none does). */
  private record Parked(String runId, @Nullable Thread thread) {}

  private static final Map<String, Parked> LEASE_TOKENS = new ConcurrentHashMap<>();

  private ParkedActivities() {}

  /**
   * Notes that the attempt of run {@code runId} holding {@code leaseToken} is held by the current
   * thread and will never complete.
   */
  public static void hold(String runId, String leaseToken) {
    LEASE_TOKENS.put(leaseToken, new Parked(runId, Thread.currentThread()));
  }

  /** Notes that the attempt of run {@code runId} holding {@code leaseToken} completes by token. */
  static void completesLater(String runId, String leaseToken) {
    LEASE_TOKENS.put(leaseToken, new Parked(runId, null));
  }

  /** Forgets {@code leaseToken}. */
  public static void forget(String leaseToken) {
    LEASE_TOKENS.remove(leaseToken);
  }

  /** Whether the attempt holding {@code leaseToken} is parked. */
  static boolean isParked(String leaseToken) {
    return LEASE_TOKENS.containsKey(leaseToken);
  }

  /**
   * Forgets the parked attempts of the runs {@code runIds}, timed out or not, interrupting the
   * threads that hold them so they end.
   */
  static void release(Collection<String> runIds) {
    LEASE_TOKENS
        .values()
        .removeIf(
            parked -> {
              if (!runIds.contains(parked.runId())) {
                return false;
              }
              if (parked.thread() != null) {
                parked.thread().interrupt();
              }
              return true;
            });
  }
}
