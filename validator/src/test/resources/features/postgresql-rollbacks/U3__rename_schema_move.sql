DROP INDEX shop.customers_email_idx;
ALTER TABLE shop.customers RENAME TO users;
ALTER TABLE shop.users SET SCHEMA public;
