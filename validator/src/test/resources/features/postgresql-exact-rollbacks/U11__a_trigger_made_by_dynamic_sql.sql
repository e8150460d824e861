DROP TRIGGER set_updated_at ON items;
DROP FUNCTION manage_updated_at(regclass);
DROP FUNCTION items_set_updated_at();
