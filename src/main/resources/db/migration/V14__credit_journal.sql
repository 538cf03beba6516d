-- How far the embedded database's reservation journal (credit-reservations-*.log in the data directory) is written
-- into credit_ledger: lines numbered up to written_through are rows already. Updated in the transaction that writes
-- them, so after a crash exactly the lines past it are written again. Portable SQL (H2 and PostgreSQL).
CREATE TABLE credit_journal (
    name            VARCHAR(64) NOT NULL PRIMARY KEY,
    written_through BIGINT      NOT NULL
);
