-- ABM accounts belong to the API key that created them (issue 12): two clients targeting the same company each get
-- their own account, tier, template, committee and fill state, and neither sees the other's. The shared company row
-- a domain has had since 0001 (created by contact imports, read by the contact and claim views) stays: it is the row
-- with no key, still one per domain. Accounts made before this script have no key: the dashboard still shows them;
-- no API key does.
ALTER TABLE accounts ADD COLUMN api_key_id bigint REFERENCES api_keys (id) ON DELETE CASCADE;
ALTER TABLE accounts DROP CONSTRAINT accounts_domain_key;
CREATE UNIQUE INDEX accounts_shared_domain ON accounts (domain) WHERE api_key_id IS NULL;
CREATE UNIQUE INDEX accounts_key_domain ON accounts (api_key_id, domain) WHERE api_key_id IS NOT NULL;
