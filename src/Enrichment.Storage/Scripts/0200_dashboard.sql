-- Aggregates for the ops dashboard, kept up to date on the write path so a page never counts list_rows per request
-- (a list's page must render in < 200 ms with a 1,000,000-row list).
--
-- Kept by triggers rather than by the jobs' SQL: the domain job's settle statement (ListStore.SettleDomainAsync) and
-- the import's finish statement already touch exactly the moments we need (a domain moves to done; a list leaves
-- importing), and each trigger reads only that domain's rows (list_rows_domain index) or, once per list, the rows
-- settled at import.

-- Per domain of a list: its verdicts, filled in when the domain moves to done.
ALTER TABLE list_domains
    ADD COLUMN n_deliverable   integer NOT NULL DEFAULT 0,
    ADD COLUMN n_risky         integer NOT NULL DEFAULT 0,
    ADD COLUMN n_undeliverable integer NOT NULL DEFAULT 0,
    ADD COLUMN n_unknown       integer NOT NULL DEFAULT 0,
    ADD COLUMN n_not_found     integer NOT NULL DEFAULT 0;
CREATE INDEX list_domains_top ON list_domains (list_id, rows DESC, domain);

-- Per list: rows per (status, reason), and the risk sum of the sendable rows (deliverable + risky) for the running
-- bounce estimate (sum / count / 100, the same figure the summary stores at completion).
CREATE TABLE list_reason_counts (
    list_id  bigint NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
    status   text NOT NULL,
    reason   text NOT NULL,            -- '' for rows of that status without a reason
    rows     integer NOT NULL,
    PRIMARY KEY (list_id, status, reason)
);

CREATE TABLE list_risk (
    list_id   bigint PRIMARY KEY REFERENCES lists (id) ON DELETE CASCADE,
    sendable  integer NOT NULL DEFAULT 0,
    risk_sum  bigint NOT NULL DEFAULT 0
);

-- Paging through a list's rejected rows and duplicates without scanning the list.
CREATE INDEX list_rows_rejected ON list_rows (list_id, row_no) WHERE rejection_reason IS NOT NULL;
CREATE INDEX list_rows_duplicates ON list_rows (list_id, row_no) WHERE duplicate_of IS NOT NULL;

CREATE FUNCTION dashboard_domain_done() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    SELECT count(*) FILTER (WHERE status = 'deliverable'),
           count(*) FILTER (WHERE status = 'risky'),
           count(*) FILTER (WHERE status = 'undeliverable'),
           count(*) FILTER (WHERE status = 'unknown'),
           count(*) FILTER (WHERE status = 'not_found')
      INTO NEW.n_deliverable, NEW.n_risky, NEW.n_undeliverable, NEW.n_unknown, NEW.n_not_found
      FROM list_rows
     WHERE list_id = NEW.list_id AND domain = NEW.domain AND rejection_reason IS NULL AND settled_at IS NOT NULL;

    INSERT INTO list_reason_counts (list_id, status, reason, rows)
    SELECT NEW.list_id, r.status, coalesce(x.reason, ''), count(*)
      FROM list_rows r
      LEFT JOIN LATERAL unnest(r.reasons) AS x(reason) ON true
     WHERE r.list_id = NEW.list_id AND r.domain = NEW.domain AND r.rejection_reason IS NULL
       AND r.settled_at IS NOT NULL AND r.status IS NOT NULL
     GROUP BY r.status, coalesce(x.reason, '')
    ON CONFLICT (list_id, status, reason) DO UPDATE SET rows = list_reason_counts.rows + EXCLUDED.rows;

    INSERT INTO list_risk (list_id, sendable, risk_sum)
    SELECT NEW.list_id, count(*), coalesce(sum(risk), 0)
      FROM list_rows
     WHERE list_id = NEW.list_id AND domain = NEW.domain AND rejection_reason IS NULL
       AND settled_at IS NOT NULL AND status IN ('deliverable', 'risky')
    ON CONFLICT (list_id) DO UPDATE SET sendable = list_risk.sendable + EXCLUDED.sendable,
                                        risk_sum = list_risk.risk_sum + EXCLUDED.risk_sum;
    RETURN NEW;
END $$;

-- BEFORE: the domain's own counts go into the row being written (no second UPDATE of list_domains); fires exactly
-- once per domain, like the settle it accompanies.
CREATE TRIGGER list_domains_done BEFORE UPDATE OF state ON list_domains
    FOR EACH ROW WHEN (NEW.state = 'done' AND OLD.state <> 'done')
    EXECUTE FUNCTION dashboard_domain_done();

-- Rows settled at import (an address typed but invalid: undeliverable, syntax) never reach a domain job: count them
-- once, when the list leaves importing.
CREATE FUNCTION dashboard_list_imported() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO list_reason_counts (list_id, status, reason, rows)
    SELECT NEW.id, r.status, coalesce(x.reason, ''), count(*)
      FROM list_rows r
      LEFT JOIN LATERAL unnest(r.reasons) AS x(reason) ON true
     WHERE r.list_id = NEW.id AND r.rejection_reason IS NULL AND r.settled_at IS NOT NULL AND r.status IS NOT NULL
     GROUP BY r.status, coalesce(x.reason, '')
    ON CONFLICT (list_id, status, reason) DO UPDATE SET rows = list_reason_counts.rows + EXCLUDED.rows;
    RETURN NULL;
END $$;

CREATE TRIGGER lists_imported AFTER UPDATE OF state ON lists
    FOR EACH ROW WHEN (OLD.state = 'importing' AND NEW.state <> 'importing')
    EXECUTE FUNCTION dashboard_list_imported();
