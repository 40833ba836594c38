package dev.baton.internal;

import dev.baton.internal.json.PayloadConverter;
import dev.baton.internal.store.ActivityStore;
import dev.baton.internal.store.Database;
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
 */
public record Services(
    Database database,
    WorkflowStore workflows,
    ActivityStore activities,
    TimerStore timers,
    QueryStore queries,
    OutboxStore outbox,
    PayloadConverter converter,
    Wakeups wakeups) {}
