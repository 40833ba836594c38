package dev.baton.sample.order;

import java.time.Duration;

/**
 * How this shop runs: the policy stamped into each order it accepts, and how the stand-in carrier
 * behaves. {@link #demo()} waits seconds so the demo finishes in under a minute; {@link #shop()}
 * waits as long as a real shop would.
 */
public record ShopSettings(FulfilmentPolicy policy, int carrierQuestionsToDeliver) {
  /** Seconds: reminder after 3 s, cancellation after 20 s, the carrier asked every second. */
  public static ShopSettings demo() {
    return new ShopSettings(
        new FulfilmentPolicy(
            50_000,
            Duration.ofSeconds(3),
            Duration.ofSeconds(20),
            Duration.ofSeconds(1),
            Duration.ofSeconds(30),
            2),
        3);
  }

  /** Days: reminder after a day, cancellation after three, the carrier asked every four hours. */
  public static ShopSettings shop() {
    return new ShopSettings(
        new FulfilmentPolicy(
            50_000,
            Duration.ofDays(1),
            Duration.ofDays(3),
            Duration.ofHours(4),
            Duration.ofDays(14),
            30),
        12);
  }

  /** {@code demo} or {@code shop}. */
  public static ShopSettings named(String name) {
    return switch (name) {
      case "demo" -> demo();
      case "shop" -> shop();
      default -> throw new IllegalArgumentException("timings are 'demo' or 'shop', not " + name);
    };
  }
}
