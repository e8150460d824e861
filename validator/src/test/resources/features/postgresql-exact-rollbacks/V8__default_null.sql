-- a column whose default is taken away by SET DEFAULT NULL is as it was: PostgreSQL stores no default
ALTER TABLE items ALTER COLUMN note SET DEFAULT 'none';
