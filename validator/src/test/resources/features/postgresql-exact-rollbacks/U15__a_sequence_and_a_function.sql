ALTER TABLE items DROP COLUMN number;
DROP FUNCTION item_label(integer);
DROP SEQUENCE item_numbers;
