package dev.baton;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which runs {@link Baton#listRuns(RunFilter)} lists: by status, workflow type, start time and
 * workflow id prefix, a page at a time. Every criterion is optional. Immutable; build with {@link
 * #newBuilder()}.
 */
public final class RunFilter {
  /** The page size when none is set. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  /** The largest page size. */
  public static final int MAX_PAGE_SIZE = 1000;

  private final @Nullable WorkflowStatus status;
  private final @Nullable String workflowType;
  private final @Nullable Instant startedFrom;
  private final @Nullable Instant startedBefore;
  private final @Nullable String workflowIdPrefix;
  private final int pageSize;
  private final @Nullable String pageToken;

  private RunFilter(Builder b) {
    this.status = b.status;
    this.workflowType = b.workflowType;
    this.startedFrom = b.startedFrom;
    this.startedBefore = b.startedBefore;
    this.workflowIdPrefix = b.workflowIdPrefix;
    this.pageSize = b.pageSize;
    this.pageToken = b.pageToken;
  }

  /** A builder that lists every run, {@link #DEFAULT_PAGE_SIZE} at a time. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Only runs with this status, or {@code null} for any. */
  public @Nullable WorkflowStatus status() {
    return status;
  }

  /** Only runs of this workflow type, or {@code null} for any. */
  public @Nullable String workflowType() {
    return workflowType;
  }

  /** Only runs started at or after this time, or {@code null}. */
  public @Nullable Instant startedFrom() {
    return startedFrom;
  }

  /** Only runs started before this time, or {@code null}. */
  public @Nullable Instant startedBefore() {
    return startedBefore;
  }

  /** Only runs whose workflow id starts with this, or {@code null}. */
  public @Nullable String workflowIdPrefix() {
    return workflowIdPrefix;
  }

  /** How many runs a page holds at most. */
  public int pageSize() {
    return pageSize;
  }

  /** Where the page starts: a previous page's {@link RunPage#nextPageToken()}, or {@code null}. */
  public @Nullable String pageToken() {
    return pageToken;
  }

  /** Builds {@link RunFilter}. */
  public static final class Builder {
    private @Nullable WorkflowStatus status;
    private @Nullable String workflowType;
    private @Nullable Instant startedFrom;
    private @Nullable Instant startedBefore;
    private @Nullable String workflowIdPrefix;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private @Nullable String pageToken;

    private Builder() {}

    /** Only runs with this status. */
    public Builder status(@Nullable WorkflowStatus status) {
      this.status = status;
      return this;
    }

    /** Only runs of this workflow type; not blank. */
    public Builder workflowType(@Nullable String workflowType) {
      this.workflowType = notBlank("workflowType", workflowType);
      return this;
    }

    /** Only runs started in {@code [from, before)}; either end may be {@code null}. */
    public Builder startedBetween(@Nullable Instant from, @Nullable Instant before) {
      if (from != null && before != null && !from.isBefore(before)) {
        throw new IllegalArgumentException(
            "The start time range is empty: from " + from + " is not before " + before);
      }
      this.startedFrom = from;
      this.startedBefore = before;
      return this;
    }

    /** Only runs whose workflow id starts with {@code prefix}; not empty. */
    public Builder workflowIdPrefix(@Nullable String prefix) {
      if (prefix != null && prefix.isEmpty()) {
        throw new IllegalArgumentException("workflowIdPrefix must not be empty; pass null");
      }
      this.workflowIdPrefix = prefix;
      return this;
    }

    /** How many runs a page holds: 1 to {@link #MAX_PAGE_SIZE}. */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        throw new IllegalArgumentException(
            "pageSize must be 1 to " + MAX_PAGE_SIZE + ", was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /** The page to list: a previous page's {@link RunPage#nextPageToken()}. */
    public Builder pageToken(@Nullable String pageToken) {
      this.pageToken = pageToken;
      return this;
    }

    /** The filter. */
    public RunFilter build() {
      return new RunFilter(this);
    }

    private static @Nullable String notBlank(String name, @Nullable String value) {
      if (value != null && value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank; pass null");
      }
      return value;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RunFilter that
        && status == that.status
        && Objects.equals(workflowType, that.workflowType)
        && Objects.equals(startedFrom, that.startedFrom)
        && Objects.equals(startedBefore, that.startedBefore)
        && Objects.equals(workflowIdPrefix, that.workflowIdPrefix)
        && pageSize == that.pageSize
        && Objects.equals(pageToken, that.pageToken);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        status, workflowType, startedFrom, startedBefore, workflowIdPrefix, pageSize, pageToken);
  }
}
