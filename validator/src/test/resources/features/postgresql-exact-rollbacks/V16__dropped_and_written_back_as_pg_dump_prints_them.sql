ALTER TABLE items ALTER COLUMN number DROP DEFAULT;
DROP FUNCTION item_label(integer);
DROP SEQUENCE item_numbers;
