CREATE OR REPLACE VIEW active_items AS SELECT id, name, price FROM items WHERE active = true;
