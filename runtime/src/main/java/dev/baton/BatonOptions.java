package dev.baton;

import java.util.Objects;
import java.util.function.Function;

/** Options of a {@link Baton} instance. Immutable; build with {@link #newBuilder()}. */
public final class BatonOptions {
  /** The default payload size limit: 2 MiB. */
  public static final int DEFAULT_PAYLOAD_LIMIT_BYTES = 2 * 1024 * 1024;

  private static final BatonOptions DEFAULT = newBuilder().build();

  private final TimeSource timeSource;
  private final int payloadLimitBytes;
  private final long maxHistoryEvents;
  private final long maxHistoryBytes;
  private final Function<String, String> shardKey;

  /** The default limit on a run's history: 51,200 events. */
  public static final long DEFAULT_MAX_HISTORY_EVENTS = 51_200;

  /** The default limit on a run's history: 50 MiB of event attributes. */
  public static final long DEFAULT_MAX_HISTORY_BYTES = 50L * 1024 * 1024;

  private BatonOptions(Builder builder) {
    this.timeSource = builder.timeSource;
    this.payloadLimitBytes = builder.payloadLimitBytes;
    this.maxHistoryEvents = builder.maxHistoryEvents;
    this.maxHistoryBytes = builder.maxHistoryBytes;
    this.shardKey = builder.shardKey;
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

  /**
   * The most events a run's history may hold: a workflow task that would go past it fails the run
   * (type {@code HistoryLimitExceeded}), and one past 80% of it logs a warning. Default: {@link
   * #DEFAULT_MAX_HISTORY_EVENTS}. Long-running workflows continue as new well before.
   */
  public long maxHistoryEvents() {
    return maxHistoryEvents;
  }

  /** The most bytes of event attributes a run's history may hold; as {@link #maxHistoryEvents}. */
  public long maxHistoryBytes() {
    return maxHistoryBytes;
  }

  /**
   * The shard of a workflow id, where runs are sharded by workflow id across databases (Vitess,
   * TiDB, a fleet of MySQL primaries): completions grouped into one transaction ({@link
   * WorkerOptions#groupCommit()}) all have the same shard key, so that no transaction spans shards.
   * Default: every workflow id in one shard, as on one MySQL primary or an embedded database.
   */
  public Function<String, String> shardKey() {
    return shardKey;
  }

  /** Builds {@link BatonOptions}. */
  public static final class Builder {
    private TimeSource timeSource = TimeSource.database();
    private int payloadLimitBytes = DEFAULT_PAYLOAD_LIMIT_BYTES;
    private long maxHistoryEvents = DEFAULT_MAX_HISTORY_EVENTS;
    private long maxHistoryBytes = DEFAULT_MAX_HISTORY_BYTES;
    private Function<String, String> shardKey = workflowId -> "";

    private Builder() {}

    /**
     * The shard of a workflow id (equal keys: same shard); see {@link BatonOptions#shardKey()}. It
     * must return a non-null key and the same key for the same id every time.
     */
    public Builder shardKey(Function<String, String> shardKey) {
      this.shardKey = Objects.requireNonNull(shardKey, "shardKey");
      return this;
    }

    /** The most events a run's history may hold; at least 20. */
    public Builder maxHistoryEvents(long events) {
      if (events < 20) {
        throw new IllegalArgumentException("maxHistoryEvents must be at least 20, was " + events);
      }
      this.maxHistoryEvents = events;
      return this;
    }

    /** The most bytes of event attributes a run's history may hold; at least 64 KiB. */
    public Builder maxHistoryBytes(long bytes) {
      if (bytes < 64 * 1024) {
        throw new IllegalArgumentException("maxHistoryBytes must be at least 65536, was " + bytes);
      }
      this.maxHistoryBytes = bytes;
      return this;
    }

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
