-- Lead-gen (issue 10), second step.

-- Erasure (DELETE /api/contacts/{email}) finds a person's list rows by address. Without this it read every row of
-- every list. Partial: rows without an address (to be found, or rejected) are never looked up this way. lower():
-- a row whose address failed syntax keeps it as typed.
CREATE INDEX list_rows_email ON list_rows (lower(email)) WHERE email IS NOT NULL;

-- Idempotency-Key on POST /api/consumers/{name}/claims: a claim hands contacts out once, so a client that lost the
-- response would lose them; with a key, a retry gets the same contacts back. contact_ids is null while the first
-- request runs. Ids only, never addresses: an erased contact simply drops out of a replay. Kept 24 hours.
CREATE TABLE claim_requests (
    consumer_id             bigint NOT NULL REFERENCES consumers (id) ON DELETE CASCADE,
    idempotency_key         text NOT NULL,
    fingerprint             text NOT NULL,                  -- SHA-256 of the request's parameters
    contact_ids             bigint[],
    skipped                 jsonb,
    reverifications_queued  integer,
    created_at              timestamptz NOT NULL,
    PRIMARY KEY (consumer_id, idempotency_key)
);
