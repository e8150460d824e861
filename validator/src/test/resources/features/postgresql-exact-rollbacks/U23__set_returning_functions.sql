DROP FUNCTION tone_pair(int, varchar);
DROP FUNCTION tone_ids();
