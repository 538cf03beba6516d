-- Asynchronous video tasks, so a caller's history survives restarts. Portable SQL (H2 and PostgreSQL).
CREATE TABLE video_tasks (
    id                VARCHAR(40)     NOT NULL PRIMARY KEY,
    key_id            VARCHAR(40)     NOT NULL,
    account_id        VARCHAR(40)     NOT NULL,
    model             VARCHAR(128)    NOT NULL,
    provider          VARCHAR(64)     NOT NULL,
    -- NULL until the provider accepted the job.
    upstream_id       VARCHAR(200),
    prompt            VARCHAR(4000)   NOT NULL,
    duration_seconds  INTEGER         NOT NULL,
    resolution        VARCHAR(16)     NOT NULL,
    -- queued, running, succeeded, failed, cancelled, expired
    status            VARCHAR(16)     NOT NULL,
    progress          INTEGER,
    -- Where the provider serves the video; never shown to clients, who download through the gateway.
    video_url         VARCHAR(4000),
    error             VARCHAR(1000),
    estimated_credits NUMERIC(24, 10) NOT NULL,
    charged_credits   NUMERIC(24, 10),
    -- reserved until the task ends, then settled or refunded exactly once (a conditional UPDATE decides who does it).
    credit_state      VARCHAR(16)     NOT NULL,
    idempotency_key   VARCHAR(200),
    request_hash      VARCHAR(64),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    refreshed_at      TIMESTAMP WITH TIME ZONE
);

-- Several NULL idempotency keys are allowed by both databases; a repeated (key, Idempotency-Key) is not.
CREATE UNIQUE INDEX video_tasks_idempotency ON video_tasks (key_id, idempotency_key);
CREATE INDEX video_tasks_account_time ON video_tasks (account_id, created_at);
CREATE INDEX video_tasks_key_time ON video_tasks (key_id, created_at);
