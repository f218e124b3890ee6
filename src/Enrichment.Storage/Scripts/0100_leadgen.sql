-- Lead-gen API (issue 10): consumers that pull contacts, the claims that make each hand-out happen once per
-- consumer, feedback events from the sequencers, and pending re-verifications of stale contacts.
-- Suppressions (0001) are shared: every read path filters on them.

-- A puller (a sequence, a campaign) of one API key, with its freshness settings.
CREATE TABLE consumers (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    api_key_id       bigint NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
    name             text NOT NULL,
    max_age          interval,                               -- null: any verification age will do
    stale_policy     text NOT NULL DEFAULT 'skip' CHECK (stale_policy IN ('skip', 'reverify')),
    claimed_through  bigint NOT NULL DEFAULT 0,              -- highest contact id passed by a claim (skip counts)
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (api_key_id, name)
);

-- Insert-once: a contact is handed to a consumer at most once (the primary key plus ON CONFLICT DO NOTHING is the
-- guarantee; SKIP LOCKED only keeps concurrent pullers from queueing behind each other).
CREATE TABLE claims (
    consumer_id  bigint NOT NULL REFERENCES consumers (id) ON DELETE CASCADE,
    contact_id   bigint NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    claimed_at   timestamptz NOT NULL,
    PRIMARY KEY (consumer_id, contact_id)
);
CREATE INDEX claims_contact ON claims (contact_id);

-- Feedback from sequencers, per address. Kept for counting (soft bounces) and audit; erased with the person.
CREATE TABLE contact_events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email        text NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('hard_bounce', 'soft_bounce', 'unsubscribe', 'complaint', 'reply')),
    source       text NOT NULL,
    occurred_at  timestamptz NOT NULL,
    received_at  timestamptz NOT NULL,
    detail       text
);
CREATE INDEX contact_events_email ON contact_events (email);

-- Stale contacts waiting for a re-verification job (one row per contact: queued once, removed when done).
CREATE TABLE reverifications (
    contact_id    bigint PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE,
    requested_at  timestamptz NOT NULL
);

-- Suppression look-ups by address or domain hit the (kind, value) unique index of 0001.
-- GET /api/contacts?updated_since= walks this one.
CREATE INDEX contacts_updated ON contacts (updated_at, id);
