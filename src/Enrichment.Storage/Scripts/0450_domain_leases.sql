-- A lease on each domain of a list, so one worker at a time probes it. Hangfire delivers at least once: a job can be
-- handed out again while its first copy is still running (a stalled worker past the invisibility timeout, a plan job
-- that ran twice, a second process). The first copy to start takes the lease (owner + expiry, renewed while it
-- probes); a copy that finds the lease live ends and comes back when it would expire. lease_token grows by one at
-- every take-over and is the fencing token: results are written only while the row still carries the writer's token,
-- so a worker that lost its lease (stalled, then woke up) cannot overwrite what the newer holder wrote.
ALTER TABLE list_domains
    ADD COLUMN lease_owner      text,
    ADD COLUMN lease_expires_at timestamptz,
    ADD COLUMN lease_token      bigint NOT NULL DEFAULT 0;

-- Every MX host of a domain in preference order (mx_hosts), with each host's preference alongside: equal preferences
-- are the domain's load-balanced peers, which the order alone cannot say.
ALTER TABLE domains
    ADD COLUMN mx_preferences integer[],
    ADD CONSTRAINT domains_mx_preferences_match CHECK (mx_preferences IS NULL OR cardinality(mx_preferences) = cardinality(mx_hosts));
