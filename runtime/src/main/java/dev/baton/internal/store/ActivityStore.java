package dev.baton.internal.store;

import static dev.baton.internal.jooq.Tables.BATON_ACTIVITY_TASKS;
import static dev.baton.internal.store.LockedRun.SCHEDULED;
import static dev.baton.internal.store.LockedRun.STARTED;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.ActivityCanceledException;
import dev.baton.ActivityLeaseLostException;
import dev.baton.internal.history.Event;
import dev.baton.internal.history.FailureData;
import dev.baton.internal.history.RetryPolicyData;
import dev.baton.internal.jooq.tables.records.BatonActivityTasksRecord;
import dev.baton.internal.jooq.tables.records.BatonRunsRecord;
import dev.baton.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jspecify.annotations.Nullable;

/**
 * Activity tasks: claimed with a lease ({@code FOR UPDATE SKIP LOCKED}), completed only with a
 * valid lease token, retried or timed out by the sweeper, which changes the token in the same
 * transaction. So at most one worker holds a valid lease and an outcome is recorded once.
 */
public final class ActivityStore {
  /** The state of a started task whose workflow cancelled it. */
  static final String CANCELLING = "CANCELLING";

  /** The failure type of an activity timeout. */
  public static final String TIMEOUT_FAILURE_TYPE = "TimeoutFailure";

  private final Database db;

  /** A store over {@code db}. */
  public ActivityStore(Database db) {
    this.db = db;
  }

  static void insertTask(Tx tx, BatonRunsRecord run, Event.ActivityTaskScheduled scheduled) {
    // Not record.insert(): on MariaDB jOOQ renders INSERT ... RETURNING, which Connector/J refuses.
    tx.noteTaskRows(run.getRunId());
    tx.dsl().executeInsert(newTask(tx, run, scheduled));
  }

  /**
   * Inserts the task of {@code scheduled} already started, its first attempt leased to {@code
   * owner}, and returns it for the owner to run: no claim is needed (see {@link EagerActivities}).
   */
  static ClaimedActivityTask insertStartedTask(
      Tx tx, BatonRunsRecord run, Event.ActivityTaskScheduled scheduled, String owner) {
    BatonActivityTasksRecord row = newTask(tx, run, scheduled);
    long now = tx.now();
    String lease = UUID.randomUUID().toString();
    row.setState(STARTED)
        .setLeaseToken(lease)
        .setLeaseOwner(owner)
        .setLeaseExpiresAt(leaseExpiry(row, now))
        .setStartedAt(now);
    tx.noteTaskRows(run.getRunId());
    INSERT_TASK.update(tx, row.intoArray());
    return new ClaimedActivityTask(
        new TaskToken(row.getRunId(), row.getSeq(), lease),
        row.getWorkflowId(),
        row.getActivityType(),
        row.getInput(),
        1,
        now,
        null,
        now);
  }

  /**
   * The first attempts of the activities {@code commands} scheduled in {@code runId} that are
   * started under a lease of {@code owner}'s: what a workflow task commit leased to its worker (see
   * {@link EagerActivities}), found again by a retry of that commit.
   */
  static List<ClaimedActivityTask> startedBy(
      Tx tx, String runId, String owner, List<Event> commands) {
    List<Integer> seqs = new ArrayList<>();
    for (Event command : commands) {
      if (command instanceof Event.ActivityTaskScheduled scheduled) {
        seqs.add(scheduled.seq());
      }
    }
    if (seqs.isEmpty()) {
      return List.of();
    }
    var a = BATON_ACTIVITY_TASKS;
    return tx.dsl()
        .selectFrom(a)
        .where(a.RUN_ID.eq(runId))
        .and(a.SEQ.in(seqs))
        .and(a.STATE.eq(STARTED))
        .and(a.LEASE_OWNER.eq(owner))
        .and(a.ATTEMPT.eq(1))
        .fetch(
            row ->
                new ClaimedActivityTask(
                    new TaskToken(row.getRunId(), row.getSeq(), row.getLeaseToken()),
                    row.getWorkflowId(),
                    row.getActivityType(),
                    row.getInput(),
                    1,
                    row.getScheduledAt(),
                    null,
                    row.getStartedAt()));
  }

  /** The row of a newly scheduled activity task, not inserted yet. */
  private static BatonActivityTasksRecord newTask(
      Tx tx, BatonRunsRecord run, Event.ActivityTaskScheduled scheduled) {
    long now = tx.now();
    BatonActivityTasksRecord row = tx.dsl().newRecord(BATON_ACTIVITY_TASKS);
    return row.setRunId(run.getRunId())
        .setSeq(scheduled.seq())
        .setWorkflowId(run.getWorkflowId())
        .setTaskQueue(scheduled.taskQueue())
        .setActivityType(scheduled.activityType())
        .setInput(scheduled.input().toString())
        .setState(SCHEDULED)
        .setAttempt(1)
        .setVisibleAt(now)
        .setScheduledAt(now)
        .setScheduleToCloseAt(
            scheduled.scheduleToCloseMillis() == null
                ? null
                : now + scheduled.scheduleToCloseMillis())
        .setScheduleToStartMs(scheduled.scheduleToStartMillis())
        .setStartToCloseMs(scheduled.startToCloseMillis())
        .setHeartbeatMs(scheduled.heartbeatMillis())
        .setRetryPolicy(write(scheduled.retry()));
  }

  /**
   * Claims up to {@code max} activity tasks of {@code taskQueue} whose type is one of {@code
   * activityTypes} (those the worker has registered), with fresh leases. Tasks of other types stay
   * for a worker that has them, so workers with different activities may share a queue.
   */
  public List<ClaimedActivityTask> claim(
      String taskQueue, Set<String> activityTypes, String owner, int max) {
    return db.transact(
        tx -> {
          var a = BATON_ACTIVITY_TASKS;
          Field<Long> clock = tx.nowField();
          List<Record> rows =
              tx.dsl()
                  .select(a.fields())
                  .select(clock)
                  .from(a)
                  .where(a.TASK_QUEUE.eq(taskQueue))
                  .and(a.STATE.eq(SCHEDULED))
                  .and(a.VISIBLE_AT.le(clock))
                  .and(a.ACTIVITY_TYPE.in(activityTypes))
                  .orderBy(a.VISIBLE_AT)
                  .limit(max)
                  .forUpdate()
                  .skipLocked()
                  .fetch();
          if (rows.isEmpty()) {
            return List.of();
          }
          tx.noteNow(rows.get(0).get(clock));
          long now = tx.now();
          List<ClaimedActivityTask> claimed = new ArrayList<>(rows.size());
          for (Record selected : rows) {
            BatonActivityTasksRecord row = selected.into(a);
            String lease = UUID.randomUUID().toString();
            long expiry = leaseExpiry(row, now);
            tx.dsl()
                .update(a)
                .set(a.STATE, STARTED)
                .set(a.LEASE_TOKEN, lease)
                .set(a.LEASE_OWNER, owner)
                .set(a.LEASE_EXPIRES_AT, expiry)
                .set(a.STARTED_AT, now)
                .where(a.RUN_ID.eq(row.getRunId()))
                .and(a.SEQ.eq(row.getSeq()))
                .execute();
            claimed.add(
                new ClaimedActivityTask(
                    new TaskToken(row.getRunId(), row.getSeq(), lease),
                    row.getWorkflowId(),
                    row.getActivityType(),
                    row.getInput(),
                    row.getAttempt(),
                    row.getScheduledAt(),
                    row.getHeartbeatDetails(),
                    now));
          }
          return claimed;
        });
  }

  /**
   * The lease of an attempt at {@code now}: its start-to-close deadline, cut short by the heartbeat
   * timeout (renewed by each heartbeat) and the schedule-to-close deadline.
   */
  private static long leaseExpiry(BatonActivityTasksRecord row, long now) {
    long startedAt = row.getStartedAt() != null ? row.getStartedAt() : now;
    long expiry = startedAt + row.getStartToCloseMs();
    if (row.getHeartbeatMs() != null) {
      expiry = Math.min(expiry, now + row.getHeartbeatMs());
    }
    if (row.getScheduleToCloseAt() != null) {
      expiry = Math.min(expiry, row.getScheduleToCloseAt());
    }
    return expiry;
  }

  /**
   * Records the activity's result, if {@code token} still holds the lease.
   *
   * @throws ActivityLeaseLostException if it does not; nothing is recorded
   */
  public void complete(TaskToken token, JsonNode result) {
    complete(token, result, null, Committer.alone(db), null);
  }

  /**
   * Records the activity's result, if {@code token} still holds the lease; when the run then needs
   * a workflow task and {@code eager} is given, the task is leased at once to the worker it names,
   * and returned for it to work (see {@link LockedRun#ensureWorkflowTaskLeasedTo}).
   *
   * <p>The transaction is {@code committer}'s: it may be shared with completions of other workflows
   * ({@link GroupCommit}) when {@code workflowId} names the task's workflow; {@code null}, a
   * transaction of its own.
   *
   * @throws ActivityLeaseLostException if {@code token} does not hold the lease; nothing is
   *     recorded
   */
  public @Nullable ClaimedWorkflowTask complete(
      TaskToken token,
      JsonNode result,
      @Nullable EagerWorkflowTask eager,
      Committer committer,
      @Nullable String workflowId) {
    Function<Tx, @Nullable ClaimedWorkflowTask> work =
        tx -> {
          Locked locked = lockLeased(tx, token);
          if (locked == null) {
            // This attempt's outcome is recorded: the same completion again is a retry of one
            // that did commit; anything else reuses a spent token.
            Event recorded =
                HistoryQueries.eventAfterRequest(
                    tx, token.runId(), "ActivityTaskStarted", token.leaseToken());
            if (recorded instanceof Event.ActivityTaskCompleted done
                && done.result().equals(result)) {
              // The first try may have leased the next workflow task to this worker.
              return eager == null
                  ? null
                  : LockedRun.workflowTaskLeasedTo(tx, token.runId(), eager.owner());
            }
            throw new ActivityLeaseLostException(
                "This task token was used already: the activity's outcome is recorded ("
                    + (recorded == null ? "unknown" : recorded.typeName())
                    + ") and a token completes it once. Token: "
                    + token.text());
          }
          LockedRun run = locked.run();
          locked.recordOutcome(token, new Event.ActivityTaskCompleted(token.seq(), result));
          ClaimedWorkflowTask next = null;
          if (eager == null) {
            run.ensureWorkflowTaskScheduled();
          } else {
            next = run.ensureWorkflowTaskLeasedTo(eager.owner(), eager.leaseMillis());
          }
          HistoryTail appended = run.appendedEvents();
          run.flush();
          return next == null ? null : next.withTail(appended);
        };
    return workflowId == null
        ? db.transact(work)
        : committer.commit(workflowId, token.runId(), work);
  }

  /**
   * Records a failed attempt, if {@code token} still holds the lease: the retry policy schedules
   * another attempt, or the failure is recorded in history. Returns whether it will be retried.
   *
   * @throws ActivityLeaseLostException if the lease is lost; nothing is recorded
   */
  public boolean fail(TaskToken token, FailureData failure) {
    return db.transact(
        tx -> {
          Locked locked = lockLeased(tx, token);
          if (locked == null) {
            return false; // a retry of a final failure that did commit
          }
          BatonActivityTasksRecord row = locked.row();
          LockedRun run = locked.run();
          if (scheduleRetry(tx, run, row, failure)) {
            return true;
          }
          locked.recordOutcome(
              token, new Event.ActivityTaskFailed(row.getSeq(), row.getAttempt(), failure));
          run.ensureWorkflowTaskScheduled();
          run.flush();
          return false;
        });
  }

  /**
   * Records a heartbeat of the attempt {@code token} leases: stores {@code detailsJson} (when not
   * {@code null}) for this and later attempts to read, and renews the lease by the heartbeat
   * timeout, within the attempt's start-to-close and schedule-to-close deadlines.
   *
   * @throws ActivityLeaseLostException if {@code token} no longer holds the lease
   */
  public void heartbeat(TaskToken token, @Nullable String detailsJson) {
    db.transact(
        tx -> {
          var a = BATON_ACTIVITY_TASKS;
          BatonActivityTasksRecord row =
              tx.dsl()
                  .selectFrom(a)
                  .where(a.RUN_ID.eq(token.runId()))
                  .and(a.SEQ.eq(token.seq()))
                  .and(a.LEASE_TOKEN.eq(token.leaseToken()))
                  .and(a.STATE.in(STARTED, CANCELLING))
                  .forUpdate()
                  .fetchOne();
          long now = tx.now();
          if (row != null && CANCELLING.equals(row.getState())) {
            throw new ActivityCanceledException(
                "The workflow cancelled activity "
                    + row.getActivityType()
                    + ": stop working on it; its outcome will not be recorded");
          }
          if (row == null || row.getLeaseExpiresAt() == null || row.getLeaseExpiresAt() <= now) {
            throw new ActivityLeaseLostException(
                "The lease of this activity task is no longer valid (it timed out and was"
                    + " retried, was completed already, or its workflow closed); the heartbeat"
                    + " was not recorded. Stop working on it. Token: "
                    + token.text());
          }
          if (detailsJson != null) {
            row.setHeartbeatDetails(detailsJson);
          }
          row.setLeaseExpiresAt(leaseExpiry(row, now)).update();
          return null;
        });
  }

  /**
   * The workflow cancelled activity {@code seq}: a task no worker holds is dropped; a running one
   * is marked {@code CANCELLING}, so that its next heartbeat tells it and its outcome is not
   * recorded; the lease sweeper drops it when its lease ends.
   */
  static void requestCancel(Tx tx, String runId, int seq) {
    var a = BATON_ACTIVITY_TASKS;
    BatonActivityTasksRecord row =
        tx.dsl().selectFrom(a).where(a.RUN_ID.eq(runId)).and(a.SEQ.eq(seq)).forUpdate().fetchOne();
    if (row == null) {
      return; // ended meanwhile; its outcome, already in history, is ignored
    }
    if (STARTED.equals(row.getState())) {
      row.setState(CANCELLING).update();
    } else {
      row.delete();
    }
  }

  /** The activities of {@code runId} that have not ended (cancelled ones left out), by id. */
  public List<dev.baton.WorkflowDescription.PendingActivity> pending(String runId) {
    var a = BATON_ACTIVITY_TASKS;
    return db.dsl()
        .selectFrom(a)
        .where(a.RUN_ID.eq(runId))
        .and(a.STATE.ne(CANCELLING))
        .orderBy(a.SEQ)
        .fetch()
        .map(
            row ->
                new dev.baton.WorkflowDescription.PendingActivity(
                    row.getSeq(),
                    row.getActivityType(),
                    STARTED.equals(row.getState()),
                    row.getAttempt(),
                    row.getLastFailure() == null
                        ? null
                        : read(row.getLastFailure(), FailureData.class).type()
                            + ": "
                            + read(row.getLastFailure(), FailureData.class).message(),
                    java.time.Instant.ofEpochMilli(row.getVisibleAt())));
  }

  /** Gives a claimed task back (on shutdown) for another worker to take at once. */
  public void release(TaskToken token) {
    db.transact(
        tx -> {
          var a = BATON_ACTIVITY_TASKS;
          return tx.dsl()
              .update(a)
              .set(a.STATE, SCHEDULED)
              .set(a.VISIBLE_AT, tx.now())
              .setNull(a.LEASE_TOKEN)
              .setNull(a.LEASE_OWNER)
              .setNull(a.LEASE_EXPIRES_AT)
              .where(a.RUN_ID.eq(token.runId()))
              .and(a.SEQ.eq(token.seq()))
              .and(a.LEASE_TOKEN.eq(token.leaseToken()))
              .execute();
        });
  }

  /**
   * Times out tasks whose lease expired or that waited too long: each is retried (with a new
   * attempt, which invalidates the old lease token) or its timeout is recorded in history. Returns
   * how many tasks were handled.
   */
  public int expireLeases(int max) {
    var a = BATON_ACTIVITY_TASKS;
    List<Record2<String, Integer>> due =
        db.transact(
            tx -> {
              long now = tx.now();
              return tx.dsl()
                  .select(a.RUN_ID, a.SEQ)
                  .from(a)
                  .where(a.STATE.in(STARTED, CANCELLING).and(a.LEASE_EXPIRES_AT.le(now)))
                  .or(a.STATE.eq(SCHEDULED).and(a.SCHEDULE_TO_CLOSE_AT.le(now)))
                  .or(
                      a.STATE
                          .eq(SCHEDULED)
                          .and(a.SCHEDULE_TO_START_MS.isNotNull())
                          .and(a.VISIBLE_AT.plus(a.SCHEDULE_TO_START_MS).le(now)))
                  .limit(max)
                  .fetch();
            });
    int handled = 0;
    for (var key : due) {
      if (db.transact(tx -> timeOut(tx, key.value1(), key.value2()))) {
        handled++;
      }
    }
    return handled;
  }

  private boolean timeOut(Tx tx, String runId, int seq) {
    LockedRun run = LockedRun.lock(tx, runId);
    if (run == null) {
      return false;
    }
    var a = BATON_ACTIVITY_TASKS;
    BatonActivityTasksRecord row =
        tx.dsl().selectFrom(a).where(a.RUN_ID.eq(runId)).and(a.SEQ.eq(seq)).forUpdate().fetchOne();
    if (row == null) {
      return false;
    }
    long now = tx.now();
    if (CANCELLING.equals(row.getState())) {
      row.delete(); // cancelled by its workflow, which expects nothing more of it
      return true;
    }
    String timeoutType = expiredTimeout(row, now);
    if (timeoutType == null) {
      return false; // completed, renewed or retried meanwhile
    }
    FailureData failure =
        new FailureData(
            TIMEOUT_FAILURE_TYPE,
            "Activity "
                + row.getActivityType()
                + " attempt "
                + row.getAttempt()
                + " timed out ("
                + timeoutType
                + ")",
            null,
            null,
            !timeoutType.equals("START_TO_CLOSE") && !timeoutType.equals("HEARTBEAT"));
    if (STARTED.equals(row.getState()) && scheduleRetry(tx, run, row, failure)) {
      return true;
    }
    FailureData lastFailure =
        row.getLastFailure() == null ? null : read(row.getLastFailure(), FailureData.class);
    run.append(new Event.ActivityTaskTimedOut(seq, row.getAttempt(), timeoutType, lastFailure));
    row.delete();
    run.ensureWorkflowTaskScheduled();
    run.flush();
    return true;
  }

  private static @Nullable String expiredTimeout(BatonActivityTasksRecord row, long now) {
    if (row.getScheduleToCloseAt() != null && row.getScheduleToCloseAt() <= now) {
      return "SCHEDULE_TO_CLOSE";
    }
    if (STARTED.equals(row.getState())) {
      if (row.getLeaseExpiresAt() == null || row.getLeaseExpiresAt() > now) {
        return null;
      }
      if (row.getStartedAt() != null) {
        return row.getStartedAt() + row.getStartToCloseMs() <= now ? "START_TO_CLOSE" : "HEARTBEAT";
      }
      return row.getHeartbeatMs() != null && row.getHeartbeatMs() < row.getStartToCloseMs()
          ? "HEARTBEAT"
          : "START_TO_CLOSE";
    }
    if (row.getScheduleToStartMs() != null
        && row.getVisibleAt() + row.getScheduleToStartMs() <= now) {
      return "SCHEDULE_TO_START";
    }
    return null;
  }

  /**
   * Schedules another attempt when the policy and the schedule-to-close deadline allow, and notes
   * the failed attempt in history; the lease token is cleared, so the failed attempt's token stops
   * being valid.
   */
  private static boolean scheduleRetry(
      Tx tx, LockedRun run, BatonActivityTasksRecord row, FailureData failure) {
    RetryPolicyData policy = read(row.getRetryPolicy(), RetryPolicyData.class);
    if (!policy.allowsRetry(row.getAttempt(), failure)) {
      return false;
    }
    long visibleAt = tx.now() + policy.backoffMillisAfter(row.getAttempt());
    if (row.getScheduleToCloseAt() != null && visibleAt >= row.getScheduleToCloseAt()) {
      return false;
    }
    row.setState(SCHEDULED)
        .setAttempt(row.getAttempt() + 1)
        .setVisibleAt(visibleAt)
        .setLeaseToken(null)
        .setLeaseOwner(null)
        .setLeaseExpiresAt(null)
        .setStartedAt(null)
        .setLastFailure(write(failure))
        .update();
    run.append(
        new Event.ActivityTaskAttemptFailed(
            row.getSeq(), row.getAttempt() - 1, failure, visibleAt));
    run.flush();
    return true;
  }

  /** A run and one of its activity task rows, both locked, the row's lease checked. */
  record Locked(LockedRun run, BatonActivityTasksRecord row) {
    /**
     * Appends the leased attempt's started event and its final {@code outcome}, and deletes the
     * task row: the activity is over.
     */
    void recordOutcome(TaskToken token, Event outcome) {
      run.append(
          new Event.ActivityTaskStarted(
              row.getSeq(), row.getAttempt(), row.getLeaseOwner(), token.leaseToken()));
      run.append(outcome);
      if (DELETE_TASK.update(run.tx(), row.getRunId(), row.getSeq()) == 1) {
        run.activityTaskDeleted();
      }
    }
  }

  /** Inserts an activity task row, every column given. */
  private static final RenderedSql INSERT_TASK =
      RenderedSql.insertRow("insert activity task", BATON_ACTIVITY_TASKS);

  /** The placeholders of {@link #taskKey()}: a task row's run id and sequence number. */
  private static final List<Object> TASK_KEY = List.of("\u0001run", 1_000_001);

  /** The condition that picks a task row by its key, bound to {@link #TASK_KEY}. */
  private static org.jooq.Condition taskKey() {
    return BATON_ACTIVITY_TASKS.RUN_ID.eq("\u0001run").and(BATON_ACTIVITY_TASKS.SEQ.eq(1_000_001));
  }

  /** Locks an activity task row by its key. */
  private static final RenderedSql LOCK_TASK =
      new RenderedSql(
          "lock activity task",
          TASK_KEY,
          tx -> tx.dsl().selectFrom(BATON_ACTIVITY_TASKS).where(taskKey()).forUpdate());

  /** Deletes an activity task row by its key. */
  private static final RenderedSql DELETE_TASK =
      new RenderedSql(
          "delete activity task",
          TASK_KEY,
          tx -> tx.dsl().deleteFrom(BATON_ACTIVITY_TASKS).where(taskKey()));

  /**
   * Locks the run, then the task row, and checks that {@code token} holds the lease. Returns {@code
   * null} when the outcome of this lease is already in history (the first attempt of this call
   * committed, though its caller saw the connection break).
   */
  static @Nullable Locked lockLeased(Tx tx, TaskToken token) {
    LockedRun run = LockedRun.lock(tx, token.runId());
    BatonActivityTasksRecord row =
        run == null
            ? null
            : LOCK_TASK.queryOne(
                tx,
                rows -> RenderedSql.readRecord(tx, BATON_ACTIVITY_TASKS, rows),
                token.runId(),
                token.seq());
    if (row == null
        || !STARTED.equals(row.getState())
        || !token.leaseToken().equals(row.getLeaseToken())) {
      if (run != null
          && HistoryQueries.hasRequest(
              tx, token.runId(), "ActivityTaskStarted", token.leaseToken())) {
        return null;
      }
      throw new ActivityLeaseLostException(
          "The lease of this activity task is no longer valid (it timed out and was retried,"
              + " was completed already, or its workflow closed); the outcome was not recorded."
              + " Token: "
              + token.text());
    }
    return new Locked(run, row);
  }

  static String write(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static <T> T read(String json, Class<T> type) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "Cannot read stored " + type.getSimpleName() + ": " + json, e);
    }
  }
}
