CREATE TYPE mood AS ENUM ('sad', 'ok');
ALTER TYPE mood ADD VALUE 'happy' AFTER 'ok';
ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';
CREATE TYPE address AS (street text, city text);
ALTER TYPE address ADD ATTRIBUTE zip text;
ALTER TYPE address RENAME ATTRIBUTE street TO line1;
CREATE DOMAIN positive_int AS int CHECK (VALUE > 0);
ALTER DOMAIN positive_int ADD CONSTRAINT not_huge CHECK (VALUE < 1000000);
CREATE TABLE people (
    id serial PRIMARY KEY,
    feeling mood DEFAULT 'ok',
    home address,
    age positive_int,
    full_name text GENERATED ALWAYS AS (coalesce((home).line1, '')) STORED
);
ALTER TYPE mood RENAME TO feeling;
ALTER TABLE people RENAME COLUMN feeling TO mood;
