ALTER TABLE shop.products RENAME CONSTRAINT price_not_negative TO products_price_check;
ALTER TABLE shop.products DROP CONSTRAINT products_name_key;
ALTER TABLE shop.orders ALTER COLUMN qty SET DEFAULT 1;
ALTER TABLE shop.orders ALTER COLUMN qty DROP NOT NULL;
