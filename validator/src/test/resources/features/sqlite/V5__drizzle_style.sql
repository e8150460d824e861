CREATE TABLE IF NOT EXISTS "accounts" (
  "id" integer PRIMARY KEY NOT NULL,
  "email" text(255) NOT NULL,
  "plan" text DEFAULT 'free' NOT NULL CHECK ("plan" IN ('free', 'pro')),
  "created_at" integer DEFAULT (unixepoch()) NOT NULL,
  "settings" blob,
  CONSTRAINT "accounts_email_unique" UNIQUE("email")
);
CREATE UNIQUE INDEX IF NOT EXISTS `accounts_email_idx` ON `accounts` (`email` COLLATE NOCASE);
CREATE TABLE sessions (
  id TEXT NOT NULL,
  account_id INTEGER NOT NULL,
  expires_at DATETIME,
  PRIMARY KEY (id),
  FOREIGN KEY (account_id) REFERENCES accounts (id) ON UPDATE NO ACTION ON DELETE CASCADE
);
CREATE INDEX sessions_expires ON sessions (expires_at DESC) WHERE expires_at IS NOT NULL;
ALTER TABLE sessions ADD user_agent TEXT;
ALTER TABLE sessions ADD COLUMN ip TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions DROP COLUMN user_agent;
ALTER TABLE accounts RENAME "plan" TO "tier";
CREATE TABLE tags (name TEXT PRIMARY KEY ON CONFLICT IGNORE, uses INT DEFAULT 0) WITHOUT ROWID;
CREATE TABLE kv (k, v);
INSERT INTO kv VALUES (1, 'x'), ('two', 2.5);
INSERT INTO kv (k) SELECT name FROM tags;
UPDATE kv SET v = v || '!' WHERE typeof(v) = 'text';
CREATE VIEW active_sessions AS SELECT s.*, a.email FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.expires_at > datetime('now');
CREATE TRIGGER accounts_cleanup AFTER DELETE ON accounts FOR EACH ROW WHEN OLD.tier = 'pro'
BEGIN
  DELETE FROM sessions WHERE account_id = OLD.id;
  INSERT INTO kv (k, v) VALUES ('deleted', OLD.id);
END;
INSERT INTO accounts (email) VALUES ('a@example.com');
INSERT INTO accounts (id, email, tier) VALUES (2, 'b@example.com', 'pro') ON CONFLICT DO NOTHING;
INSERT INTO accounts (email, tier) VALUES ('c@example.com', 'pro') ON CONFLICT (email) DO UPDATE SET tier = excluded.tier WHERE accounts.tier <> excluded.tier;
UPDATE accounts SET settings = json_object('theme', 'dark') WHERE settings IS NULL;
UPDATE accounts SET created_at = strftime('%s', 'now') WHERE created_at IS NULL;
UPDATE sessions SET expires_at = (SELECT max(created_at) FROM accounts WHERE accounts.id = sessions.account_id);
UPDATE sessions SET ip = a.email FROM accounts AS a WHERE a.id = sessions.account_id;
DELETE FROM sessions WHERE expires_at < CURRENT_TIMESTAMP;
INSERT INTO tags (name) SELECT DISTINCT value FROM json_each('["a","b"]');
UPDATE tags SET uses = (SELECT count(*) FROM kv WHERE kv.k = tags.name);
WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5) INSERT INTO kv (k, v) SELECT x, x * x FROM n;
DROP TRIGGER IF EXISTS accounts_cleanup;
DROP VIEW IF EXISTS active_sessions;
CREATE TABLE accounts_new (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, tier TEXT NOT NULL DEFAULT 'free', created_at INTEGER NOT NULL DEFAULT (unixepoch()), settings BLOB);
INSERT INTO accounts_new SELECT id, email, tier, created_at, settings FROM accounts;
DROP TABLE accounts;
ALTER TABLE accounts_new RENAME TO accounts;
CREATE UNIQUE INDEX accounts_email_idx ON accounts (email COLLATE NOCASE);
REINDEX accounts;
ANALYZE;
VACUUM;
CREATE TABLE 'legacy_quoted'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO "legacy_quoted" VALUES('version', 4);
DROP TABLE legacy_quoted;
