CREATE TABLE items (id serial PRIMARY KEY, name varchar(50), price int, active boolean DEFAULT true);
CREATE VIEW active_items AS SELECT id, name FROM items WHERE active;
