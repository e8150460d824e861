CREATE TABLE owners (id int PRIMARY KEY, name text);
CREATE TABLE goods (id serial PRIMARY KEY, name varchar(20), price numeric, status varchar(10), owner_id int REFERENCES owners);
CREATE VIEW cheap_goods AS SELECT id, name FROM goods WHERE price < 10 AND status = 'live';
CREATE VIEW owned_goods AS SELECT g.id, o.name owner, count(*) n FROM goods g JOIN owners o ON o.id = g.owner_id GROUP BY g.id, o.name;
CREATE VIEW all_goods AS SELECT * FROM goods;
CREATE MATERIALIZED VIEW goods_by_owner AS SELECT owner_id, sum(price)::numeric(12,2) AS total FROM goods GROUP BY owner_id WITH NO DATA;
