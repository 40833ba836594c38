-- The run's workflow type on its workflow task, so that a claim reads it with the task instead of
-- looking the runs up in a second query. Rows written before this column existed are filled here;
-- a claim still looks up a task whose type is missing.
ALTER TABLE baton_workflow_tasks ADD COLUMN workflow_type VARCHAR(255);
UPDATE baton_workflow_tasks SET workflow_type =
  (SELECT r.workflow_type FROM baton_runs r WHERE r.run_id = baton_workflow_tasks.run_id);
