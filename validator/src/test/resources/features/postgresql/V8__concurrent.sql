CREATE UNIQUE INDEX CONCURRENTLY children_parent_idx ON children (parent_id);
