package dev.baton;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Checks of the durations options builders are given. */
final class Durations {
  private Durations() {}

  /** {@code value} when it is unset or positive; otherwise a message naming the setting. */
  static @Nullable Duration positiveOrUnset(String name, @Nullable Duration value) {
    if (value != null && (value.isNegative() || value.isZero())) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }
}
