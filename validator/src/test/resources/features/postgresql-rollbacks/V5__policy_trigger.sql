CREATE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION shop.touch();
CREATE POLICY orders_mine ON shop.orders USING (qty > 0);
ALTER POLICY orders_mine ON shop.orders RENAME TO orders_positive;
