-- written back as pg_dump -s prints them
CREATE FUNCTION public.tone_ids() RETURNS SETOF integer
    LANGUAGE sql
    AS $$ SELECT 1 $$;
CREATE FUNCTION public.tone_pair(a integer, b character varying) RETURNS TABLE(x integer, y text)
    LANGUAGE sql
    AS $$ SELECT a, b::text $$;
