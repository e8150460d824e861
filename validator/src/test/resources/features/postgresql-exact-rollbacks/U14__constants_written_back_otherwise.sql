-- the rollback writes each back in other words that PostgreSQL stores alike: 'f' is false, '-1' is -1, a CHECK
-- comes back with PostgreSQL's own parentheses and casts, an index's default orders and a trigger's PROCEDURE
-- are not kept
ALTER TABLE items ALTER COLUMN id SET DEFAULT nextval('items_id_seq'::regclass);
ALTER TABLE items ADD COLUMN qty INTEGER DEFAULT '0';
ALTER TABLE items ADD COLUMN offset_days int4 DEFAULT '-1';
ALTER TABLE items ADD COLUMN featured BOOLEAN DEFAULT 'f' NOT NULL;
ALTER TABLE items ADD CONSTRAINT items_qty_check CHECK ((qty >= 0));
ALTER TABLE items ADD CONSTRAINT items_name_len CHECK ((char_length((name)::text) <= 40));
CREATE INDEX items_qty_idx ON public.items USING btree (qty DESC NULLS FIRST);
CREATE INDEX items_offset_idx ON items (offset_days ASC NULLS LAST);
CREATE TRIGGER items_qty_touch BEFORE UPDATE ON public.items FOR EACH ROW EXECUTE PROCEDURE items_set_updated_at();
