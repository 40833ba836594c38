package dev.baton.internal.store;

import dev.baton.internal.jooq.tables.records.BatonHistoryRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The history events and run updates of a transaction that many runs share ({@link GroupCommit}, a
 * sweeper's firing of timers), written together before it commits: one multi-row {@code INSERT} of
 * every run's events and one batch of run updates, instead of an insert and an update per run. A
 * run locked again in the transaction has them written first ({@link LockedRun#lock}), so that it
 * reads what the transaction wrote; every other read of a run's history follows its lock.
 */
final class GroupWrites {
  private final List<BatonHistoryRecord> events = new ArrayList<>();
  private final List<Object[]> goingOn = new ArrayList<>();
  private final List<Object[]> closing = new ArrayList<>();
  private final Set<String> runs = new HashSet<>();

  /** Whether writes of run {@code runId} wait here. */
  boolean holds(String runId) {
    return runs.contains(runId);
  }

  void addEvents(String runId, List<BatonHistoryRecord> appended) {
    runs.add(runId);
    events.addAll(appended);
  }

  void addRunUpdate(String runId, boolean closes, Object[] values) {
    runs.add(runId);
    (closes ? closing : goingOn).add(values);
  }

  /** Writes what waits here, and forgets it. */
  void write(Tx tx) {
    if (!events.isEmpty()) {
      HistoryInserts.insert(tx, events);
    }
    LockedRun.updateRuns(tx, goingOn, closing);
    events.clear();
    goingOn.clear();
    closing.clear();
    runs.clear();
  }
}
