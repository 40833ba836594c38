package dev.baton.internal.store;

import dev.baton.internal.jooq.tables.records.BatonHistoryRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The history events, run updates and current-run closes of a transaction that many runs share
 * ({@link GroupCommit}, a sweeper's firing of timers), written together before it commits: one
 * multi-row {@code INSERT} of every run's events and one batch each of run updates and current-run
 * closes, instead of a statement of each per run. A run locked again in the transaction has its
 * writes made first ({@link LockedRun#lock}), so that it reads what the transaction wrote; every
 * other read of a run's history follows its lock; and every read of a current-run row in the
 * transaction (a start, a signal's target) has the closes written first.
 */
final class GroupWrites {
  private final List<BatonHistoryRecord> events = new ArrayList<>();
  private final List<Object[]> goingOn = new ArrayList<>();
  private final List<Object[]> closing = new ArrayList<>();
  private final List<Object[]> currentRunCloses = new ArrayList<>();
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

  /** Closes a current-run row: the values of {@code WorkflowStore}'s close statement. */
  void addCurrentRunClose(Object[] values) {
    currentRunCloses.add(values);
  }

  /** Writes the current-run closes that wait here, and forgets them. */
  void writeCurrentRunCloses(Tx tx) {
    if (!currentRunCloses.isEmpty()) {
      WorkflowStore.closeCurrentRuns(tx, currentRunCloses);
      currentRunCloses.clear();
    }
  }

  /** Writes what waits here, and forgets it. */
  void write(Tx tx) {
    if (!events.isEmpty()) {
      HistoryInserts.insert(tx, events);
    }
    LockedRun.updateRuns(tx, goingOn, closing);
    writeCurrentRunCloses(tx);
    events.clear();
    goingOn.clear();
    closing.clear();
    runs.clear();
  }
}
