-- Portal sign-in: a PBKDF2 hash (Jakarta Security's Pbkdf2PasswordHash format); NULL means the account cannot sign in.
ALTER TABLE accounts ADD COLUMN password_hash VARCHAR(512);
