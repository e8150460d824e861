CREATE TYPE item_kind AS ENUM ('a', 'b');
ALTER TABLE items ADD COLUMN kind item_kind NOT NULL DEFAULT 'a';
CREATE EXTENSION IF NOT EXISTS citext;
ALTER TABLE items ADD COLUMN slug citext;
