-- the rollback is pg_dump's text for what 16 dropped: every option spelt out, other quotes, schema-qualified names
CREATE SEQUENCE public.item_numbers
    START WITH 100
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
CREATE FUNCTION public.item_label(n integer) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $_$ SELECT 'item-' || n $_$;
ALTER TABLE ONLY public.items ALTER COLUMN number SET DEFAULT nextval('public.item_numbers'::regclass);
