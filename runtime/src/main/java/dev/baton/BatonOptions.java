package dev.baton;

import java.util.Objects;

/** Options of a {@link Baton} instance. Immutable; build with {@link #newBuilder()}. */
public final class BatonOptions {
  /** The default payload size limit: 2 MiB. */
  public static final int DEFAULT_PAYLOAD_LIMIT_BYTES = 2 * 1024 * 1024;

  private static final BatonOptions DEFAULT = newBuilder().build();

  private final TimeSource timeSource;
  private final int payloadLimitBytes;

  private BatonOptions(Builder builder) {
    this.timeSource = builder.timeSource;
    this.payloadLimitBytes = builder.payloadLimitBytes;
  }

  /** A builder starting from the defaults. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** The defaults. */
  public static BatonOptions getDefault() {
    return DEFAULT;
  }

  /** Where "now" is read. Default: {@link TimeSource#database()}. */
  public TimeSource timeSource() {
    return timeSource;
  }

  /** The largest serialised payload (input, result, failure details) accepted. Default: 2 MiB. */
  public int payloadLimitBytes() {
    return payloadLimitBytes;
  }

  /** Builds {@link BatonOptions}. */
  public static final class Builder {
    private TimeSource timeSource = TimeSource.database();
    private int payloadLimitBytes = DEFAULT_PAYLOAD_LIMIT_BYTES;

    private Builder() {}

    /** Where "now" is read; tests pass a {@link SettableTimeSource}. */
    public Builder timeSource(TimeSource timeSource) {
      this.timeSource = Objects.requireNonNull(timeSource, "timeSource");
      return this;
    }

    /** The largest serialised payload accepted, in bytes; positive. */
    public Builder payloadLimitBytes(int payloadLimitBytes) {
      if (payloadLimitBytes <= 0) {
        throw new IllegalArgumentException(
            "payloadLimitBytes must be positive, was " + payloadLimitBytes);
      }
      this.payloadLimitBytes = payloadLimitBytes;
      return this;
    }

    /** The options. */
    public BatonOptions build() {
      return new BatonOptions(this);
    }
  }
}
