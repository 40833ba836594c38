-- The start time of an activity task's current attempt, which bounds its start-to-close timeout
-- while heartbeats renew its lease.
ALTER TABLE baton_activity_tasks ADD COLUMN started_at BIGINT;
