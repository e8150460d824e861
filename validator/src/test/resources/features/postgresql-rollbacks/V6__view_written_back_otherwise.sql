CREATE OR REPLACE VIEW shop.cheap AS SELECT id, name FROM shop.products WHERE price < 5;
