package dev.baton.internal;

import dev.baton.internal.json.PayloadConverter;
import dev.baton.internal.store.ActivityStore;
import dev.baton.internal.store.Committer;
import dev.baton.internal.store.Database;
import dev.baton.internal.store.GroupCommit;
import dev.baton.internal.store.OutboxStore;
import dev.baton.internal.store.QueryStore;
import dev.baton.internal.store.TimerStore;
import dev.baton.internal.store.WorkflowStore;

/**
 * What the client and the workers of one {@code Baton} instance share.
 *
 * @param database the database
 * @param workflows runs, histories and workflow tasks
 * @param activities activity tasks
 * @param timers durable timers
 * @param queries query tasks
 * @param converter payload conversion
 * @param wakeups in-process wake-ups
 * @param groupCommit the transactions that completions of workflows share, for workers that group
 *     their completions ({@link dev.baton.WorkerOptions#groupCommit()})
 * @param timerResumers the workers that work a timer's workflow task before it fires
 */
public record Services(
    Database database,
    WorkflowStore workflows,
    ActivityStore activities,
    TimerStore timers,
    QueryStore queries,
    OutboxStore outbox,
    PayloadConverter converter,
    Wakeups wakeups,
    GroupCommit groupCommit,
    TimerResumers timerResumers) {

  /** How a worker commits its completions: grouped, or each in a transaction of its own. */
  public Committer committer(boolean grouped) {
    return grouped ? groupCommit : Committer.alone(database);
  }
}
