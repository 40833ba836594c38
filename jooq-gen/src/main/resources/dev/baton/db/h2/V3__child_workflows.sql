-- Cross-run actions (start a child, tell a parent its child closed, terminate a child, signal
-- another run) are written in the transaction that decides them and carried out after it commits,
-- each in a transaction of its own, so that runs may one day live in separate databases.
CREATE TABLE baton_outbox (
  outbox_id           VARCHAR(36)  NOT NULL,
  kind                VARCHAR(32)  NOT NULL,
  source_run_id       VARCHAR(36)  NOT NULL,
  source_seq          INT          NOT NULL,
  target_workflow_id  VARCHAR(255),
  target_run_id       VARCHAR(36),
  payload             CLOB         NOT NULL,
  visible_at          BIGINT       NOT NULL,
  attempts            INT          NOT NULL,
  last_error          CLOB,
  CONSTRAINT pk_baton_outbox PRIMARY KEY (outbox_id)
);
CREATE INDEX ix_baton_outbox_due ON baton_outbox (visible_at);

-- A child run knows its parent: the parent's run, the child's sequence number there, and what
-- happens to the child when the parent closes first.
ALTER TABLE baton_runs ADD COLUMN parent_run_id VARCHAR(36);
ALTER TABLE baton_runs ADD COLUMN parent_seq INT;
ALTER TABLE baton_runs ADD COLUMN parent_close_policy VARCHAR(16);
CREATE INDEX ix_baton_runs_parent ON baton_runs (parent_run_id);
