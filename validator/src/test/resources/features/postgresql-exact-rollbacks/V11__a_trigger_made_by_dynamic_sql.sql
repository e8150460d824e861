-- diesel's set-up: a helper that makes a trigger through dynamic SQL, which the model cannot see
CREATE FUNCTION items_set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE FUNCTION manage_updated_at(_tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER set_updated_at BEFORE UPDATE ON %s FOR EACH ROW EXECUTE PROCEDURE items_set_updated_at()', _tbl);
END $$;
SELECT manage_updated_at('items');
