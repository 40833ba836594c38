-- A run's execution timeout and the time it runs out; the sweeper ends runs past their deadline.
ALTER TABLE baton_runs ADD COLUMN execution_timeout_ms BIGINT;
ALTER TABLE baton_runs ADD COLUMN execution_deadline BIGINT;
CREATE INDEX ix_baton_runs_deadline ON baton_runs (execution_deadline);

-- The size of a run's history (its events' attributes), checked against the history size limit.
ALTER TABLE baton_runs ADD COLUMN history_bytes BIGINT;
