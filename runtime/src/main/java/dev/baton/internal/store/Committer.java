package dev.baton.internal.store;

import java.util.function.Function;

/**
 * Runs the transaction of a task's completion (or of a start with its first workflow task): in a
 * transaction of its own ({@link #alone}), or in one it shares with those of other workflows made
 * at the same moment ({@link GroupCommit}).
 */
public interface Committer {
  /**
   * Runs {@code work}, the completion of a task of run {@code runId} of workflow {@code
   * workflowId}, in a transaction that has committed when this returns; returns what {@code work}
   * returned, or throws what it threw.
   *
   * <p>{@code work} may run more than once (the transaction is retried, or a group falls back to a
   * transaction per member), so it must not have effects outside the database. It may throw {@link
   * dev.baton.ActivityLeaseLostException} or {@link dev.baton.WorkflowAlreadyStartedException} only
   * before it writes anything: in a group, that drops it and the others commit.
   */
  <T> T commit(String workflowId, String runId, Function<Tx, T> work);

  /** A committer that gives every completion a transaction of its own. */
  static Committer alone(Database db) {
    return new Committer() {
      @Override
      public <T> T commit(String workflowId, String runId, Function<Tx, T> work) {
        return db.transact(work);
      }
    };
  }
}
