package dev.baton.internal;

import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Fault injection for crash tests: with {@code -Dbaton.haltAt=NAME:N}, the JVM halts (as with
 * {@code kill -9}, no shutdown hooks) the N-th time it reaches the point {@code NAME}. Points:
 * {@code afterClaim}, {@code beforeCommit}, {@code afterCommit}. Without the property this does
 * nothing.
 */
public final class HaltPoints {
  private static final @Nullable String POINT;
  private static final int OCCURRENCE;
  private static final AtomicInteger reached = new AtomicInteger();

  static {
    String spec = System.getProperty("baton.haltAt");
    if (spec == null || spec.isBlank()) {
      POINT = null;
      OCCURRENCE = 0;
    } else {
      int colon = spec.indexOf(':');
      POINT = colon < 0 ? spec : spec.substring(0, colon);
      OCCURRENCE = colon < 0 ? 1 : Integer.parseInt(spec.substring(colon + 1));
    }
  }

  private HaltPoints() {}

  /** Marks that the point {@code name} is reached; halts the JVM if it is the chosen one. */
  public static void reach(String name) {
    if (POINT != null && POINT.equals(name) && reached.incrementAndGet() == OCCURRENCE) {
      System.out.println("HALT at " + name + ":" + OCCURRENCE);
      System.out.flush();
      Runtime.getRuntime().halt(137);
    }
  }
}
