-- each drop takes its comment: nothing is left behind
DROP TRIGGER items_audit ON items;
DROP FUNCTION items_audit();
ALTER TABLE items DROP CONSTRAINT items_name_check;
DROP INDEX items_name_idx;
