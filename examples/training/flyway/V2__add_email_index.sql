CREATE UNIQUE INDEX users_email_idx ON users (email);
ALTER TABLE users ADD COLUMN nickname TEXT;
