-- drydock:irreversible the columns dropped here are the fixture's own, written back by the rollback
DROP TRIGGER items_qty_touch ON items;
ALTER TABLE items DROP CONSTRAINT items_name_len;
ALTER TABLE items DROP COLUMN featured, DROP COLUMN offset_days, DROP COLUMN qty;
ALTER TABLE items ALTER COLUMN id DROP DEFAULT;
