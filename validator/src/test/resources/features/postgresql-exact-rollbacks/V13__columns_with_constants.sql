ALTER TABLE items ADD COLUMN qty int DEFAULT 0, ADD COLUMN offset_days int DEFAULT -1,
  ADD COLUMN featured boolean NOT NULL DEFAULT false;
ALTER TABLE items ADD CONSTRAINT items_qty_check CHECK (qty >= 0),
  ADD CONSTRAINT items_name_len CHECK (char_length(name) <= 40);
CREATE INDEX items_qty_idx ON items (qty DESC);
CREATE INDEX items_offset_idx ON items (offset_days);
CREATE TRIGGER items_qty_touch BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION items_set_updated_at();
