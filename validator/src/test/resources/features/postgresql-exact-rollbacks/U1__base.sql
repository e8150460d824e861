DROP VIEW active_items; DROP TABLE items;
