ALTER TABLE shop.products ADD COLUMN sku text;
CREATE INDEX products_sku_idx ON shop.products (sku);
