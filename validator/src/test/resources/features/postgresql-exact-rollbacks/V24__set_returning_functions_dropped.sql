DROP FUNCTION tone_ids();
DROP FUNCTION tone_pair(integer, character varying);
