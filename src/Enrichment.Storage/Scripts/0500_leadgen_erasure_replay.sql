-- Lead-gen (issue 10), second step.

-- Erasure finds a person's list rows through list_rows_domain (0001), one descent per list, not through an index
-- on the address: such an index made list_rows inserts about 40 % slower here, for a rare request (ErasureStore).

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
