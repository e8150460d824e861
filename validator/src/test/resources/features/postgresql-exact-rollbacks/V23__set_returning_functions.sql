CREATE FUNCTION tone_ids() RETURNS SETOF int LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION tone_pair(a int4, b varchar) RETURNS TABLE (x int, y text) LANGUAGE sql AS $$ SELECT a, b::text $$;
