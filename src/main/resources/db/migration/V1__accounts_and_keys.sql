-- Accounts (a team or a person) own API keys. Portable SQL: the same script runs on H2 and PostgreSQL.
CREATE TABLE accounts (
    id         VARCHAR(40)  NOT NULL PRIMARY KEY,
    name       VARCHAR(200) NOT NULL UNIQUE,
    kind       VARCHAR(16)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Only the SHA-256 of a key is stored; the key itself is shown once, at creation.
CREATE TABLE api_keys (
    id                  VARCHAR(40)  NOT NULL PRIMARY KEY,
    account_id          VARCHAR(40)  NOT NULL REFERENCES accounts (id),
    name                VARCHAR(200) NOT NULL,
    prefix              VARCHAR(32)  NOT NULL,
    key_hash            VARCHAR(64)  NOT NULL UNIQUE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at        TIMESTAMP WITH TIME ZONE,
    expires_at          TIMESTAMP WITH TIME ZONE,
    revoked             BOOLEAN      NOT NULL DEFAULT FALSE,
    -- Space-separated model ids; NULL allows every model of the catalog.
    allowed_models      VARCHAR(8000),
    requests_per_minute INTEGER,
    tokens_per_minute   BIGINT,
    credit_limit        NUMERIC(24, 10)
);

CREATE INDEX api_keys_account ON api_keys (account_id);
