SET search_path TO shop, public;
ALTER TABLE orders ADD COLUMN status status DEFAULT 'new';
CREATE INDEX orders_status_idx ON orders (status);
CREATE VIEW paid_orders AS SELECT id, qty FROM orders WHERE status = 'paid';
ALTER TABLE users ADD COLUMN nickname text;
