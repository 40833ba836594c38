-- Baton core schema, H2 dialect. Times are epoch milliseconds (BIGINT) from the time source.
-- The MySQL/MariaDB twin lives in ../mysql; keep the two in step.

-- One row per run. next_event_id is the id the next history event gets; reading it with
-- SELECT ... FOR UPDATE serialises every append to the run's history. sticky_owner is the worker
-- that last completed a workflow task: it holds the run in its cache, so the next task goes to it
-- first. start_request_id makes a retried start return the run the first attempt created.
CREATE TABLE baton_runs (
  run_id          VARCHAR(36)  NOT NULL,
  workflow_id     VARCHAR(255) NOT NULL,
  workflow_type   VARCHAR(255) NOT NULL,
  task_queue      VARCHAR(255) NOT NULL,
  status          VARCHAR(20)  NOT NULL,
  input           CLOB         NOT NULL,
  result          CLOB,
  failure         CLOB,
  next_event_id   BIGINT       NOT NULL,
  start_time      BIGINT       NOT NULL,
  close_time      BIGINT,
  sticky_owner    VARCHAR(255),
  start_request_id VARCHAR(64) NOT NULL,
  CONSTRAINT pk_baton_runs PRIMARY KEY (run_id)
);
CREATE INDEX ix_baton_runs_workflow_id ON baton_runs (workflow_id, start_time);
CREATE INDEX ix_baton_runs_status_type ON baton_runs (status, workflow_type, start_time);

-- The current (latest) run of each workflow id: the workflow-id reuse policy checks it, since
-- MySQL has no partial unique index.
CREATE TABLE baton_current_runs (
  workflow_id     VARCHAR(255) NOT NULL,
  run_id          VARCHAR(36)  NOT NULL,
  status          VARCHAR(20)  NOT NULL,
  CONSTRAINT pk_baton_current_runs PRIMARY KEY (workflow_id)
);

-- Append-only history; event ids are contiguous per run (1, 2, 3, ...), never auto-increment.
-- request_id is set on events that a retried call must recognise (a start's signal, a completion).
CREATE TABLE baton_history (
  run_id          VARCHAR(36)  NOT NULL,
  event_id        BIGINT       NOT NULL,
  event_type      VARCHAR(64)  NOT NULL,
  event_time      BIGINT       NOT NULL,
  attributes      CLOB         NOT NULL,
  request_id      VARCHAR(64),
  CONSTRAINT pk_baton_history PRIMARY KEY (run_id, event_id)
);
CREATE INDEX ix_baton_history_request ON baton_history (run_id, request_id);

-- At most one pending workflow task per run. A claim sets state STARTED and a fresh lease token;
-- a commit is accepted only with the token it was claimed with.
CREATE TABLE baton_workflow_tasks (
  run_id             VARCHAR(36)  NOT NULL,
  workflow_id        VARCHAR(255) NOT NULL,
  task_queue         VARCHAR(255) NOT NULL,
  state              VARCHAR(16)  NOT NULL,
  attempt            INT          NOT NULL,
  visible_at         BIGINT       NOT NULL,
  lease_token        VARCHAR(36),
  lease_owner        VARCHAR(255),
  lease_expires_at   BIGINT,
  started_at         BIGINT,
  sticky_owner       VARCHAR(255),
  sticky_until       BIGINT,
  last_failure       CLOB,
  CONSTRAINT pk_baton_workflow_tasks PRIMARY KEY (run_id)
);
CREATE INDEX ix_baton_workflow_tasks_claim ON baton_workflow_tasks (task_queue, state, visible_at);
CREATE INDEX ix_baton_workflow_tasks_expiry ON baton_workflow_tasks (state, lease_expires_at);

-- Activity tasks, keyed by the run and the activity's sequence number in it. The row lives from
-- scheduling to the recording of the final outcome; retries reuse it with attempt + 1.
CREATE TABLE baton_activity_tasks (
  run_id                 VARCHAR(36)  NOT NULL,
  seq                    INT          NOT NULL,
  workflow_id            VARCHAR(255) NOT NULL,
  task_queue             VARCHAR(255) NOT NULL,
  activity_type          VARCHAR(255) NOT NULL,
  input                  CLOB         NOT NULL,
  state                  VARCHAR(16)  NOT NULL,
  attempt                INT          NOT NULL,
  visible_at             BIGINT       NOT NULL,
  scheduled_at           BIGINT       NOT NULL,
  schedule_to_close_at   BIGINT,
  schedule_to_start_ms   BIGINT,
  start_to_close_ms      BIGINT       NOT NULL,
  heartbeat_ms           BIGINT,
  retry_policy           CLOB         NOT NULL,
  lease_token            VARCHAR(36),
  lease_owner            VARCHAR(255),
  lease_expires_at       BIGINT,
  last_failure           CLOB,
  heartbeat_details      CLOB,
  CONSTRAINT pk_baton_activity_tasks PRIMARY KEY (run_id, seq)
);
CREATE INDEX ix_baton_activity_tasks_claim ON baton_activity_tasks (task_queue, state, visible_at);
CREATE INDEX ix_baton_activity_tasks_expiry ON baton_activity_tasks (state, lease_expires_at);

-- Durable timers: a poller turns due rows into TimerFired events.
CREATE TABLE baton_timers (
  run_id          VARCHAR(36)  NOT NULL,
  seq             INT          NOT NULL,
  workflow_id     VARCHAR(255) NOT NULL,
  fire_at         BIGINT       NOT NULL,
  CONSTRAINT pk_baton_timers PRIMARY KEY (run_id, seq)
);
CREATE INDEX ix_baton_timers_due ON baton_timers (fire_at);

-- Workflow types some worker has registered in this database; a start of any other is refused,
-- as is a signal whose name is not in signal_names (a JSON array).
CREATE TABLE baton_workflow_types (
  name            VARCHAR(255) NOT NULL,
  task_queue      VARCHAR(255) NOT NULL,
  registered_at   BIGINT       NOT NULL,
  signal_names    CLOB         NOT NULL,
  CONSTRAINT pk_baton_workflow_types PRIMARY KEY (name)
);

-- Queries waiting for, held by, or answered by a worker. Not history: a query never changes it.
CREATE TABLE baton_query_tasks (
  query_id          VARCHAR(36)  NOT NULL,
  run_id            VARCHAR(36)  NOT NULL,
  workflow_id       VARCHAR(255) NOT NULL,
  task_queue        VARCHAR(255) NOT NULL,
  query_name        VARCHAR(255) NOT NULL,
  input             CLOB         NOT NULL,
  state             VARCHAR(16)  NOT NULL,
  lease_owner       VARCHAR(255),
  lease_expires_at  BIGINT,
  answer            CLOB,
  error             CLOB,
  created_at        BIGINT       NOT NULL,
  CONSTRAINT pk_baton_query_tasks PRIMARY KEY (query_id)
);
CREATE INDEX ix_baton_query_tasks_claim ON baton_query_tasks (task_queue, state, created_at);
