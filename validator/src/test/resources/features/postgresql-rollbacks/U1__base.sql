DROP VIEW shop.cheap;
DROP TABLE users; DROP TYPE shop.status; DROP TABLE shop.orders; DROP TABLE shop.products; DROP SCHEMA shop;
