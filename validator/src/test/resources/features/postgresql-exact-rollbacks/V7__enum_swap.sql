-- Prisma's way to add an enum value: a new type, the column moved onto it, the old type renamed away and dropped.
-- A column holds its type by identity, so renaming a type renames it in the column too.
CREATE TYPE item_kind_new AS ENUM ('a', 'b', 'c');
ALTER TABLE items ALTER COLUMN kind DROP DEFAULT;
ALTER TABLE items ALTER COLUMN kind TYPE item_kind_new USING (kind::text::item_kind_new);
ALTER TYPE item_kind RENAME TO item_kind_old;
ALTER TYPE item_kind_new RENAME TO item_kind;
DROP TYPE item_kind_old;
ALTER TABLE items ALTER COLUMN kind SET DEFAULT 'a';
-- PostgreSQL keeps no default for DEFAULT NULL (see V8)
ALTER TABLE items ADD COLUMN note text DEFAULT NULL;
