-- The upload path: a 1,000,000-row list must reach stored rows at >= 100,000 rows/s.
--
-- list_rows loses its foreign key to lists. Measured with a COPY (text format, psql) of 1,000,000 rows into list_rows,
-- the key cost as much server CPU as everything else together (10.2 s with it, 5.7 s without, 3.9 s without the
-- domain index as well): PostgreSQL queues one RI trigger event per inserted row and then looks the list up once per
-- row. Rows are only ever inserted into a list created just before by the same code (the upload, on the same
-- connection; the dashboard's retry copy, in the same transaction), so the check protects nothing.
-- What the key also did, ON DELETE CASCADE, stays: deleting a list deletes its rows (one statement per DELETE, not
-- one per row).
ALTER TABLE list_rows DROP CONSTRAINT list_rows_list_id_fkey;

CREATE FUNCTION list_rows_of_deleted_lists() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM list_rows WHERE list_id IN (SELECT id FROM deleted_lists);
    RETURN NULL;
END $$;

CREATE TRIGGER lists_delete_rows AFTER DELETE ON lists
    REFERENCING OLD TABLE AS deleted_lists
    FOR EACH STATEMENT EXECUTE FUNCTION list_rows_of_deleted_lists();

-- The dashboard's count of rows settled at import (0200) scans the whole list when it leaves importing. The upload now
-- knows that count already (lists.rows_settled, set by the same UPDATE that fires this trigger): a list without such
-- rows, the usual case, skips the scan (a pass over every row of the list). Otherwise the same as 0200.
CREATE OR REPLACE FUNCTION dashboard_list_imported() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.rows_settled = 0 THEN
        RETURN NULL;
    END IF;
    INSERT INTO list_reason_counts (list_id, status, reason, rows)
    SELECT NEW.id, r.status, coalesce(x.reason, ''), count(*)
      FROM list_rows r
      LEFT JOIN LATERAL unnest(r.reasons) AS x(reason) ON true
     WHERE r.list_id = NEW.id AND r.rejection_reason IS NULL AND r.settled_at IS NOT NULL AND r.status IS NOT NULL
     GROUP BY r.status, coalesce(x.reason, '')
    ON CONFLICT (list_id, status, reason) DO UPDATE SET rows = list_reason_counts.rows + EXCLUDED.rows;
    RETURN NULL;
END $$;

-- The process uploading a list (host:pid) while it is importing; null for lists made otherwise (a dashboard retry
-- copies its rows in one statement). An upload holds an advisory lock on its list for as long as it runs, so a list
-- importing with an owner but without that lock was interrupted (the process died) and is failed, not left importing.
ALTER TABLE lists ADD COLUMN import_owner text;
