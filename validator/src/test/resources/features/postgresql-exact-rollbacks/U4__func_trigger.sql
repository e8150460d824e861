DROP INDEX items_lower_name_idx;
ALTER TABLE items DROP CONSTRAINT items_price_check;
DROP TRIGGER items_guard ON items;
DROP FUNCTION items_guard();
