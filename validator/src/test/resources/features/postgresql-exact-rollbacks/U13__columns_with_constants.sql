DROP TRIGGER items_qty_touch ON items;
DROP INDEX items_qty_idx, items_offset_idx;
ALTER TABLE items DROP CONSTRAINT items_name_len, DROP CONSTRAINT items_qty_check;
ALTER TABLE items DROP COLUMN featured, DROP COLUMN offset_days, DROP COLUMN qty;
