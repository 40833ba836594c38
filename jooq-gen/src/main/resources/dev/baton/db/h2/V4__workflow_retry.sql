-- A run started under a workflow retry policy: its attempt, the policy, and, when it failed and
-- was retried, the run that retried it.
ALTER TABLE baton_runs ADD COLUMN run_attempt INT;
ALTER TABLE baton_runs ADD COLUMN retry_policy CLOB;
ALTER TABLE baton_runs ADD COLUMN next_run_id VARCHAR(36);
