-- A key's own limit on requests running at once; NULL follows the configuration (account, model tier, default).
ALTER TABLE api_keys ADD COLUMN max_concurrent INTEGER;
