-- A request that settles before its reservation row is written gets one 'charge' row instead of a reservation and a
-- settlement: amount is minus the real cost, held what the reservation held. Portable SQL (H2 and PostgreSQL).
ALTER TABLE credit_ledger ADD COLUMN held NUMERIC(24, 10);

-- A key's spending is summed once per key and process (to seed its credit limit); the key belongs to one account, so
-- that sum reads the account's rows, as seeding the account's balance already does. One index fewer on every insert.
DROP INDEX credit_ledger_key;
