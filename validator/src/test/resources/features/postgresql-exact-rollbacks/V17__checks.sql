CREATE TABLE checked (price int, qty int, code text, a int, b int, c int,
  CONSTRAINT c1 CHECK (price * qty < 1000),
  CONSTRAINT c2 CHECK (code NOT IN ('x', 'y')),
  CONSTRAINT c3 CHECK ((a + b) * 2 > 0),
  CONSTRAINT c4 CHECK (code ~ '^[a-z]+$'),
  CONSTRAINT c5 CHECK (a > 0 AND b > 0 OR a IS NULL),
  CONSTRAINT c6 CHECK (NOT (a = 1 AND b = 2)),
  CONSTRAINT c7 CHECK (a > 0 AND (b > 0 OR c > 0)),
  CONSTRAINT c8 CHECK (a IS NOT NULL OR b IS NOT NULL OR c IS NOT NULL));
