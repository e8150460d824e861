ALTER TABLE users SET SCHEMA shop;
ALTER TABLE shop.users RENAME TO customers;
CREATE UNIQUE INDEX customers_email_idx ON shop.customers (lower(email));
