-- Secrets the gateway generates for itself when the operator configured none (e.g. the video status-token signing
-- key), kept here so they outlive restarts and are the same on every instance sharing the database.
CREATE TABLE generated_secrets (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    secret     VARCHAR(128) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
