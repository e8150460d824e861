ALTER TABLE shop.orders ALTER COLUMN qty SET NOT NULL;
ALTER TABLE shop.orders ALTER COLUMN qty SET DEFAULT 2;
ALTER TABLE shop.products ADD CONSTRAINT products_name_key UNIQUE (name);
ALTER TABLE shop.products RENAME CONSTRAINT products_price_check TO price_not_negative;
