CREATE FUNCTION items_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.price < 0 THEN NEW.price := 0; END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER items_guard BEFORE INSERT OR UPDATE ON items FOR EACH ROW EXECUTE FUNCTION items_guard();
ALTER TABLE items ADD CONSTRAINT items_price_check CHECK (price >= 0) NOT VALID;
ALTER TABLE items VALIDATE CONSTRAINT items_price_check;
CREATE INDEX items_lower_name_idx ON items (lower(name)) WHERE active;
