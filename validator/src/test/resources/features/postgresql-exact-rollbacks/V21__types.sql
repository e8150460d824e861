CREATE TYPE tone AS ENUM ('low', 'mid', 'high');
CREATE TYPE postal AS (street text, city varchar(40));
CREATE DOMAIN contact_email AS text CHECK (VALUE LIKE '%@%');
