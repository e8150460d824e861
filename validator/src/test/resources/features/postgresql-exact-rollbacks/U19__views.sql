DROP MATERIALIZED VIEW goods_by_owner;
DROP VIEW all_goods;
DROP VIEW owned_goods;
DROP VIEW cheap_goods;
DROP TABLE goods;
DROP TABLE owners;
