SET search_path TO shop, public;
DROP VIEW paid_orders;
DROP INDEX orders_status_idx;
ALTER TABLE orders DROP COLUMN status;
ALTER TABLE users DROP COLUMN nickname;
