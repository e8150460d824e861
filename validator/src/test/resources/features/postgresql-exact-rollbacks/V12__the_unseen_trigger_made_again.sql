-- the trigger 11 made unseen is made again here; the rollback leaves it, as it was before 12, which the model
-- cannot prove wrong: it never saw the trigger before 12
DROP TRIGGER set_updated_at ON items;
CREATE TRIGGER set_updated_at BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION items_set_updated_at();
