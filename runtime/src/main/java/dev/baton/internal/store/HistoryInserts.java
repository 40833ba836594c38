package dev.baton.internal.store;

import static dev.baton.internal.jooq.Tables.BATON_HISTORY;

import dev.baton.internal.jooq.tables.records.BatonHistoryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jooq.Field;
import org.jooq.Query;

/**
 * Inserts history events in multi-row {@code INSERT}s, each rendered once per row count ({@link
 * RenderedSql}): jOOQ's batch of records renders each record's insert, a sixth of a worker's CPU in
 * B2 when it did.
 */
final class HistoryInserts {
  /** The most events one {@code INSERT} carries. */
  static final int MAX_ROWS = 64;

  /**
   * The most bytes of attributes one {@code INSERT} carries (a single larger event goes alone),
   * well under the server's smallest default {@code max_allowed_packet} (16 MiB on MariaDB).
   */
  static final long MAX_BYTES = 4L << 20;

  /** The history columns an event writes, in the order of {@link #values}. */
  private static final Field<?>[] COLUMNS = {
    BATON_HISTORY.RUN_ID,
    BATON_HISTORY.EVENT_ID,
    BATON_HISTORY.EVENT_TYPE,
    BATON_HISTORY.EVENT_TIME,
    BATON_HISTORY.ATTRIBUTES,
    BATON_HISTORY.REQUEST_ID
  };

  private static final ConcurrentMap<Integer, RenderedSql> BY_ROWS = new ConcurrentHashMap<>();

  private HistoryInserts() {}

  /**
   * Inserts {@code events}, in as few statements as {@link #MAX_ROWS} and {@link #MAX_BYTES} let.
   */
  static void insert(Tx tx, List<BatonHistoryRecord> events) {
    int from = 0;
    while (from < events.size()) {
      int to = from;
      long bytes = 0;
      while (to < events.size() && to - from < MAX_ROWS) {
        long size = events.get(to).getAttributes().length();
        if (to > from && bytes + size > MAX_BYTES) {
          break;
        }
        bytes += size;
        to++;
      }
      List<Object> values = new ArrayList<>((to - from) * COLUMNS.length);
      for (BatonHistoryRecord event : events.subList(from, to)) {
        values(event, values);
      }
      statement(to - from).update(tx, values.toArray());
      from = to;
    }
  }

  private static RenderedSql statement(int rows) {
    return BY_ROWS.computeIfAbsent(
        rows,
        count -> {
          List<Object> placeholders = new ArrayList<>();
          for (int i = 0; i < count * COLUMNS.length; i++) {
            placeholders.add(RenderedSql.placeholder(COLUMNS[i % COLUMNS.length], i));
          }
          return new RenderedSql(
              "insert " + count + " events", placeholders, tx -> query(tx, placeholders));
        });
  }

  /** One {@code INSERT} of the events whose {@link #COLUMNS} values follow in {@code values}. */
  private static Query query(Tx tx, List<?> values) {
    var insert = tx.dsl().insertInto(BATON_HISTORY).columns(COLUMNS);
    for (int from = 0; from < values.size(); from += COLUMNS.length) {
      insert = insert.values(values.subList(from, from + COLUMNS.length));
    }
    return insert;
  }

  /** Adds {@code event}'s values of {@link #COLUMNS} to {@code values}, in order. */
  private static void values(BatonHistoryRecord event, List<Object> values) {
    values.add(event.getRunId());
    values.add(event.getEventId());
    values.add(event.getEventType());
    values.add(event.getEventTime());
    values.add(event.getAttributes());
    values.add(event.getRequestId());
  }
}
