-- A comment goes with what it is on: the rollback drops the table, which takes its key, index and trigger and their
-- comments; the function is renamed, and its comment follows it.
CREATE TABLE notes (id int CONSTRAINT notes_pkey PRIMARY KEY, body text);
CREATE INDEX notes_body_idx ON notes (body);
COMMENT ON CONSTRAINT notes_pkey ON notes IS 'the key';
COMMENT ON INDEX notes_body_idx IS 'lookups';
CREATE FUNCTION notes_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER notes_touch BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION notes_touch();
COMMENT ON TRIGGER notes_touch ON notes IS 'touches';
COMMENT ON FUNCTION notes_touch() IS 'the trigger''s function';
ALTER FUNCTION notes_touch() RENAME TO notes_touched;
