package dev.baton.internal.store;

import static dev.baton.internal.jooq.Tables.BATON_HISTORY;

import org.jspecify.annotations.Nullable;

/** Reads of history that decide what a retried operation already did or what a commit must do. */
final class HistoryQueries {
  private HistoryQueries() {}

  /**
   * Whether the run's history holds an event of {@code eventType} carrying {@code requestId}: the
   * trace of a commit that succeeded although its caller saw the connection break.
   */
  static boolean hasRequest(Tx tx, String runId, String eventType, String requestId) {
    var h = BATON_HISTORY;
    return tx.dsl()
        .fetchExists(
            h, h.RUN_ID.eq(runId).and(h.REQUEST_ID.eq(requestId)).and(h.EVENT_TYPE.eq(eventType)));
  }

  /**
   * Whether events from {@code fromEventId} on hold one that workflow code would see: any but the
   * notes kept for visibility only (failed attempts that are retried).
   */
  static boolean hasInputSince(Tx tx, String runId, long fromEventId) {
    var h = BATON_HISTORY;
    return tx.dsl()
        .fetchExists(
            h,
            h.RUN_ID
                .eq(runId)
                .and(h.EVENT_ID.ge(fromEventId))
                .and(h.EVENT_TYPE.ne("ActivityTaskAttemptFailed")));
  }

  /**
   * The event recorded right after the event of {@code eventType} carrying {@code requestId}: what
   * a commit that wrote that pair recorded, such as an activity's completion after its started
   * event. {@code null} when there is none.
   */
  static dev.baton.internal.history.@Nullable Event eventAfterRequest(
      Tx tx, String runId, String eventType, String requestId) {
    var h = BATON_HISTORY;
    Long eventId =
        tx.dsl()
            .select(h.EVENT_ID)
            .from(h)
            .where(h.RUN_ID.eq(runId))
            .and(h.REQUEST_ID.eq(requestId))
            .and(h.EVENT_TYPE.eq(eventType))
            .fetchOne(h.EVENT_ID);
    if (eventId == null) {
      return null;
    }
    var next =
        tx.dsl()
            .select(h.EVENT_TYPE, h.ATTRIBUTES)
            .from(h)
            .where(h.RUN_ID.eq(runId))
            .and(h.EVENT_ID.eq(eventId + 1))
            .fetchOne();
    return next == null
        ? null
        : dev.baton.internal.history.EventCodec.read(next.value1(), next.value2());
  }

  /** Whether the run's history holds an event of {@code eventType}. */
  static boolean hasEvent(Tx tx, String runId, String eventType) {
    var h = BATON_HISTORY;
    return tx.dsl().fetchExists(h, h.RUN_ID.eq(runId).and(h.EVENT_TYPE.eq(eventType)));
  }
}
