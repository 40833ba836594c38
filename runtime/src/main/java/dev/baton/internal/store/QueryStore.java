package dev.baton.internal.store;

import static dev.baton.internal.jooq.Tables.BATON_QUERY_TASKS;

import dev.baton.internal.jooq.tables.records.BatonQueryTasksRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Query tasks: a client inserts one, a worker that has the workflow's type claims it, answers from
 * the workflow's state and writes the answer into the row; the client reads it and deletes the row.
 * History is never touched.
 */
public final class QueryStore {
  static final String PENDING = "PENDING";
  static final String CLAIMED = "CLAIMED";
  static final String ANSWERED = "ANSWERED";
  static final String FAILED = "FAILED";

  private final Database db;

  /** A store over {@code db}. */
  public QueryStore(Database db) {
    this.db = db;
  }

  /** A claimed query. */
  public record ClaimedQuery(
      String queryId, String runId, String workflowId, String queryName, String inputJson) {}

  /** A query's outcome: its answer as JSON, or the error text. */
  public record Outcome(@Nullable String answerJson, @Nullable String error) {}

  /** Creates a pending query and returns its id. */
  public String create(
      String runId, String workflowId, String taskQueue, String queryName, String inputJson) {
    String queryId = UUID.randomUUID().toString();
    db.transact(
        tx ->
            tx.dsl()
                .insertInto(BATON_QUERY_TASKS)
                .set(BATON_QUERY_TASKS.QUERY_ID, queryId)
                .set(BATON_QUERY_TASKS.RUN_ID, runId)
                .set(BATON_QUERY_TASKS.WORKFLOW_ID, workflowId)
                .set(BATON_QUERY_TASKS.TASK_QUEUE, taskQueue)
                .set(BATON_QUERY_TASKS.QUERY_NAME, queryName)
                .set(BATON_QUERY_TASKS.INPUT, inputJson)
                .set(BATON_QUERY_TASKS.STATE, PENDING)
                .set(BATON_QUERY_TASKS.CREATED_AT, tx.now())
                .execute());
    return queryId;
  }

  /** The outcome of the query, or {@code null} while it has none. */
  public @Nullable Outcome outcome(String queryId) {
    BatonQueryTasksRecord row =
        db.dsl()
            .selectFrom(BATON_QUERY_TASKS)
            .where(BATON_QUERY_TASKS.QUERY_ID.eq(queryId))
            .fetchOne();
    if (row == null || !(ANSWERED.equals(row.getState()) || FAILED.equals(row.getState()))) {
      return null;
    }
    return new Outcome(row.getAnswer(), row.getError());
  }

  /** Deletes the query's row. */
  public void delete(String queryId) {
    db.transact(
        tx ->
            tx.dsl()
                .deleteFrom(BATON_QUERY_TASKS)
                .where(BATON_QUERY_TASKS.QUERY_ID.eq(queryId))
                .execute());
  }

  /** Claims up to {@code max} pending queries of {@code taskQueue}, or ones whose lease expired. */
  public List<ClaimedQuery> claim(String taskQueue, String owner, int max, long leaseMillis) {
    return db.transact(
        tx -> {
          long now = tx.now();
          var q = BATON_QUERY_TASKS;
          List<BatonQueryTasksRecord> rows =
              tx.dsl()
                  .selectFrom(q)
                  .where(q.TASK_QUEUE.eq(taskQueue))
                  .and(q.STATE.eq(PENDING).or(q.STATE.eq(CLAIMED).and(q.LEASE_EXPIRES_AT.le(now))))
                  .orderBy(q.CREATED_AT)
                  .limit(max)
                  .forUpdate()
                  .skipLocked()
                  .fetch();
          List<ClaimedQuery> claimed = new ArrayList<>();
          for (BatonQueryTasksRecord row : rows) {
            row.setState(CLAIMED)
                .setLeaseOwner(owner)
                .setLeaseExpiresAt(now + leaseMillis)
                .update();
            claimed.add(
                new ClaimedQuery(
                    row.getQueryId(),
                    row.getRunId(),
                    row.getWorkflowId(),
                    row.getQueryName(),
                    row.getInput()));
          }
          return claimed;
        });
  }

  /** Records the answer of a claimed query. */
  public void answer(String queryId, String owner, String answerJson) {
    finish(queryId, owner, ANSWERED, answerJson, null);
  }

  /**
   * Gives a claimed query back for a worker to claim again after {@code delayMillis}: the run has
   * no completed workflow task to answer from yet.
   */
  public void postpone(String queryId, String owner, long delayMillis) {
    db.transact(
        tx ->
            tx.dsl()
                .update(BATON_QUERY_TASKS)
                .set(BATON_QUERY_TASKS.LEASE_EXPIRES_AT, tx.now() + delayMillis)
                .where(BATON_QUERY_TASKS.QUERY_ID.eq(queryId))
                .and(BATON_QUERY_TASKS.LEASE_OWNER.eq(owner))
                .and(BATON_QUERY_TASKS.STATE.eq(CLAIMED))
                .execute());
  }

  /** Records that a claimed query failed. */
  public void fail(String queryId, String owner, String error) {
    finish(queryId, owner, FAILED, null, error);
  }

  private void finish(
      String queryId, String owner, String state, @Nullable String answer, @Nullable String error) {
    db.transact(
        tx ->
            tx.dsl()
                .update(BATON_QUERY_TASKS)
                .set(BATON_QUERY_TASKS.STATE, state)
                .set(BATON_QUERY_TASKS.ANSWER, answer)
                .set(BATON_QUERY_TASKS.ERROR, error)
                .where(BATON_QUERY_TASKS.QUERY_ID.eq(queryId))
                .and(BATON_QUERY_TASKS.LEASE_OWNER.eq(owner))
                .and(BATON_QUERY_TASKS.STATE.eq(CLAIMED))
                .execute());
  }
}
