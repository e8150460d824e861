CREATE INDEX items_name_idx ON items (name);
COMMENT ON INDEX items_name_idx IS 'by name';
ALTER TABLE items ADD CONSTRAINT items_name_check CHECK (name <> '');
COMMENT ON CONSTRAINT items_name_check ON items IS 'no empty names';
CREATE FUNCTION items_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE TRIGGER items_audit AFTER INSERT ON items FOR EACH STATEMENT EXECUTE FUNCTION items_audit();
COMMENT ON TRIGGER items_audit ON items IS 'audits';
