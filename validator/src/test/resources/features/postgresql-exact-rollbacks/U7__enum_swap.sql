ALTER TABLE items DROP COLUMN note;
CREATE TYPE item_kind_old AS ENUM ('a', 'b');
ALTER TABLE items ALTER COLUMN kind DROP DEFAULT;
ALTER TABLE items ALTER COLUMN kind TYPE item_kind_old USING (kind::text::item_kind_old);
DROP TYPE item_kind;
ALTER TYPE item_kind_old RENAME TO item_kind;
ALTER TABLE items ALTER COLUMN kind SET DEFAULT 'a';
