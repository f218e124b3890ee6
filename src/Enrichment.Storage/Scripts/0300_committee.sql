-- ABM accounts and their buying committees (issue 12). accounts exists since 0001; this adds what the committee fill
-- needs: tier and template, the completeness kept by the fill job (and refreshed on every read of the committee),
-- the notes on roles still missing, and the fill's state.
ALTER TABLE accounts
    ADD COLUMN tier           text,
    ADD COLUMN template       text,                                  -- committee template id; null: the default
    ADD COLUMN completeness   double precision NOT NULL DEFAULT 0,   -- 0..1, Adobe's weighted mean over roles
    ADD COLUMN missing        text[] NOT NULL DEFAULT '{}',          -- "technical_evaluator: 0 of 2 — no candidates …"
    ADD COLUMN fill_state     text NOT NULL DEFAULT 'none'
        CHECK (fill_state IN ('none', 'queued', 'running', 'waiting_retry', 'done', 'failed')),
    ADD COLUMN fill_attempts  integer NOT NULL DEFAULT 0,
    ADD COLUMN fill_job_id    text,
    ADD COLUMN filled_at      timestamptz;
CREATE INDEX accounts_completeness ON accounts (completeness);
CREATE INDEX accounts_tier ON accounts (tier);

-- One person holding a role in an account's committee. Keyed by the person's normalised name within the account, so
-- re-running a fill updates members instead of adding them. The verdict is not copied here: reads join
-- verifications by email, and suppressions, so a later verification or suppression shows at once.
CREATE TABLE committee_members (
    account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    person_key  text NOT NULL,
    name        text NOT NULL,
    first_name  text,
    last_name   text,
    title       text,
    seniority   text NOT NULL,
    department  text NOT NULL,
    role        text NOT NULL,
    email       text,
    source      text NOT NULL,                                       -- contact:list:7, hunter, upload:list:9 …
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, person_key)
);
CREATE INDEX committee_members_email ON committee_members (email) WHERE email IS NOT NULL;

-- Committee templates set through the API: one document in the config file's format. Absent: the config file.
CREATE TABLE committee_template_config (
    id          integer PRIMARY KEY CHECK (id = 1),
    body        text NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- People uploaded without an address are found by the domain their company row names.
CREATE INDEX list_rows_company_domain ON list_rows (company_domain) WHERE email IS NULL AND rejection_reason IS NULL;
