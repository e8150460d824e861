-- pg_get_constraintdef's text for each: PostgreSQL's parentheses and casts, NOT IN as <> ALL (ARRAY[...])
ALTER TABLE checked ADD CONSTRAINT c1 CHECK (((price * qty) < 1000));
ALTER TABLE checked ADD CONSTRAINT c2 CHECK ((code <> ALL (ARRAY['x'::text, 'y'::text])));
ALTER TABLE checked ADD CONSTRAINT c3 CHECK ((((a + b) * 2) > 0));
ALTER TABLE checked ADD CONSTRAINT c4 CHECK ((code ~ '^[a-z]+$'::text));
ALTER TABLE checked ADD CONSTRAINT c5 CHECK ((((a > 0) AND (b > 0)) OR (a IS NULL)));
ALTER TABLE checked ADD CONSTRAINT c6 CHECK ((NOT ((a = 1) AND (b = 2))));
ALTER TABLE checked ADD CONSTRAINT c7 CHECK (((a > 0) AND ((b > 0) OR (c > 0))));
ALTER TABLE checked ADD CONSTRAINT c8 CHECK (((a IS NOT NULL) OR (b IS NOT NULL) OR (c IS NOT NULL)));
