package dev.baton.internal.store;

import static dev.baton.internal.jooq.Tables.BATON_HISTORY;

/** Reads of history that decide what a retried operation already did. */
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
}
