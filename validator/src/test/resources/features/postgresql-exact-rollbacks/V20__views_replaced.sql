DROP MATERIALIZED VIEW goods_by_owner;
DROP VIEW all_goods;
DROP VIEW owned_goods;
CREATE OR REPLACE VIEW cheap_goods AS SELECT id, name, price FROM goods WHERE price < 5;
