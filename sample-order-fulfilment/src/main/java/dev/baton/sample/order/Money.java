package dev.baton.sample.order;

/** Prints amounts of cents as euros. */
public final class Money {
  private Money() {}

  /** {@code 3480} as {@code "34.80 EUR"}. */
  public static String format(long cents) {
    return String.format("%d.%02d EUR", cents / 100, cents % 100);
  }
}
