CREATE SEQUENCE item_numbers START 100;
CREATE FUNCTION item_label(n integer) RETURNS text AS $$ SELECT 'item-' || n $$ LANGUAGE sql IMMUTABLE;
ALTER TABLE items ADD COLUMN number bigint DEFAULT nextval('item_numbers');
