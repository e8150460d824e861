CREATE INDEX CONCURRENTLY IF NOT EXISTS settings_updated_idx ON settings (updated_at);
