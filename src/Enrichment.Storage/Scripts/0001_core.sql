-- Core entities of the batch service. Hangfire keeps its own tables in the "hangfire" schema; ours live in public.
-- Later issues add their own numbered scripts (claims, events, committee) on top of these tables.

-- API keys: the key itself is never stored, only its SHA-256; the prefix finds the row.
-- callback_secret signs list callbacks (HMAC-SHA256); the client is shown it once with the key.
CREATE TABLE api_keys (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text NOT NULL,
    key_prefix      text NOT NULL UNIQUE,
    key_hash        bytea NOT NULL,
    callback_secret text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_used_at    timestamptz,
    revoked_at      timestamptz
);

-- One uploaded list. Counters are kept up to date by the jobs (one UPDATE per domain settled), so the dashboard
-- and GET /api/lists/{id} read one row instead of counting list_rows.
CREATE TABLE lists (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    api_key_id           bigint REFERENCES api_keys (id) ON DELETE SET NULL,
    name                 text NOT NULL,
    file_name            text,
    state                text NOT NULL DEFAULT 'importing'
        CHECK (state IN ('importing', 'queued', 'running', 'waiting_retry', 'complete', 'failed', 'cancelled')),
    callback_url         text,
    header               text[] NOT NULL DEFAULT '{}',     -- original column names in input order
    mapping              jsonb,                             -- the mapping asked for (null: detected)
    import_report        jsonb,
    summary              jsonb,                             -- stored when complete
    error                text,
    rows_total           integer NOT NULL DEFAULT 0,        -- data rows stored (accepted + rejected)
    rows_rejected        integer NOT NULL DEFAULT 0,
    rows_duplicate       integer NOT NULL DEFAULT 0,
    rows_to_find         integer NOT NULL DEFAULT 0,        -- rows without an address (finder first)
    rows_settled         integer NOT NULL DEFAULT 0,        -- rows with a final result (rejected not counted)
    domains_total        integer NOT NULL DEFAULT 0,
    domains_pending      integer NOT NULL DEFAULT 0,        -- the completion counter: 0 means every domain settled
    count_deliverable    integer NOT NULL DEFAULT 0,
    count_risky          integer NOT NULL DEFAULT 0,
    count_undeliverable  integer NOT NULL DEFAULT 0,
    count_unknown        integer NOT NULL DEFAULT 0,
    count_not_found      integer NOT NULL DEFAULT 0,
    created_at           timestamptz NOT NULL DEFAULT now(),
    started_at           timestamptz,
    completed_at         timestamptz,
    updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lists_state ON lists (state, created_at DESC);

-- One data row of a list, keyed by (list, row_no): row_no is the row's ordinal among data rows, line its line in the
-- file. Result columns are written by the domain jobs with upserts keyed by the same pair.
CREATE TABLE list_rows (
    list_id           bigint NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
    row_no            integer NOT NULL,
    line              integer NOT NULL,
    fields            text[] NOT NULL,                       -- original fields in input order
    email             text,                                  -- normalised address (given or found)
    domain            text,                                  -- the domain the row is verified or searched under
    first_name        text,
    last_name         text,
    full_name         text,
    company           text,
    company_domain    text,                                  -- the company's domain (website, or a non-free email domain)
    title             text,
    external_id       text,
    rejection_reason  text,
    rejection_column  text,
    duplicate_of      integer,                               -- row_no of the first row with the same address
    found             boolean NOT NULL DEFAULT false,        -- email came from the finder
    find_source       text,
    status            text,                                  -- deliverable | risky | undeliverable | unknown | not_found
    risk              smallint,
    reasons           text[],
    smtp_code         smallint,
    mx_host           text,
    verified_at       timestamptz,
    settled_at        timestamptz,
    PRIMARY KEY (list_id, row_no)
);
CREATE INDEX list_rows_domain ON list_rows (list_id, domain) WHERE rejection_reason IS NULL;

-- The plan of a list: one row per domain, one Hangfire job per row. state moves pending → running →
-- (waiting_retry ↔ running) → done; the transition to done decrements lists.domains_pending exactly once.
CREATE TABLE list_domains (
    list_id      bigint NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
    domain       text NOT NULL,
    rows         integer NOT NULL,
    state        text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'waiting_retry', 'done')),
    attempts     integer NOT NULL DEFAULT 0,
    retry_at     timestamptz,
    job_id       text,
    worker       text,                                       -- the process that last started it (host:pid)
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (list_id, domain)
);
CREATE INDEX list_domains_open ON list_domains (list_id) WHERE state <> 'done';

-- What we know about a mail domain, shared by every worker: MX hosts, provider, and the catch-all verdict with
-- its age (so a second worker does not probe a domain the first already judged).
CREATE TABLE domains (
    domain               text PRIMARY KEY,
    mx_hosts             text[],
    provider             text,
    mx_checked_at        timestamptz,
    catch_all            boolean,                            -- null: not known (undecided or never probed)
    catch_all_probe      text,                               -- the random local part probed, the same on every retry
    catch_all_checked_at timestamptz,
    updated_at           timestamptz NOT NULL DEFAULT now()
);

-- Companies (ABM accounts), keyed by their domain.
CREATE TABLE accounts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    domain      text NOT NULL UNIQUE,
    name        text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- People, one per normalised address.
CREATE TABLE contacts (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email           text NOT NULL UNIQUE,
    first_name      text,
    last_name       text,
    full_name       text,
    title           text,
    account_domain  text,
    source          text NOT NULL,                           -- list:<id>, finder:<provider>, api …
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contacts_account ON contacts (account_domain);

-- The latest verification of an address (reused within the re-check age of its verdict).
CREATE TABLE verifications (
    email        text PRIMARY KEY,
    domain       text NOT NULL,
    status       text NOT NULL,
    risk         smallint NOT NULL,
    reasons      text[] NOT NULL DEFAULT '{}',
    smtp_code    smallint,
    smtp_reply   text,                                       -- capped evidence, never a whole transcript
    mx_host      text,
    catch_all    boolean,
    verified_at  timestamptz NOT NULL,
    list_id      bigint
);
CREATE INDEX verifications_domain ON verifications (domain);

-- Never contact: an address, a whole domain, or (after erasure) a salted hash of an address.
CREATE TABLE suppressions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('email', 'domain', 'email_hash')),
    value       text NOT NULL,
    reason      text NOT NULL,
    source      text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (kind, value)
);

-- Cross-process SMTP session caps per MX provider: a fixed set of slots per provider, each leased for a while.
-- A worker killed mid-session loses its lease when it expires, so slots never leak.
CREATE TABLE smtp_session_slots (
    provider     text NOT NULL,
    slot         integer NOT NULL,
    holder       text,
    expires_at   timestamptz,
    PRIMARY KEY (provider, slot)
);

-- Outgoing callbacks (an outbox): written in the same transaction that completes a list, delivered by a job
-- with backoff; delivered_at set once the receiver answered 2xx.
CREATE TABLE callbacks (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    list_id          bigint NOT NULL UNIQUE REFERENCES lists (id) ON DELETE CASCADE,
    url              text NOT NULL,
    body             text NOT NULL,
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_error       text,
    delivered_at     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX callbacks_due ON callbacks (next_attempt_at) WHERE delivered_at IS NULL;
