-- The dashboard's Lists page filters by state and pages by id (keyset, newest first): one index serves both.
-- The name search is a substring match (ILIKE '%…%'), which no btree index helps; the lists table holds one row per
-- upload (thousands, not millions), so a scan of it stays cheap.
CREATE INDEX IF NOT EXISTS lists_state_id ON lists (state, id DESC);
