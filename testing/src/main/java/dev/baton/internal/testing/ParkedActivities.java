package dev.baton.internal.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lease tokens of activity attempts that a mock holds without ever completing. The test
 * environment counts such an attempt as waiting for its timeout, not as work in progress, so time
 * may skip to the timeout. Lease tokens are unique, so one set serves every environment.
 */
public final class ParkedActivities {
  private static final Set<String> LEASE_TOKENS = ConcurrentHashMap.newKeySet();

  private ParkedActivities() {}

  /** Notes that the attempt holding {@code leaseToken} will never complete. */
  public static void park(String leaseToken) {
    LEASE_TOKENS.add(leaseToken);
  }

  /** Forgets {@code leaseToken}. */
  public static void unpark(String leaseToken) {
    LEASE_TOKENS.remove(leaseToken);
  }

  /** Whether the attempt holding {@code leaseToken} is parked. */
  static boolean isParked(String leaseToken) {
    return LEASE_TOKENS.contains(leaseToken);
  }
}
