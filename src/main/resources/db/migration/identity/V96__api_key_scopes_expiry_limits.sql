-- API keys for integrations, not only agents: a key belongs to a customer or an agent, holds scopes
-- chosen at issue, may expire, and may have its own rate limit (null: the server's default).
alter table identity.api_keys rename column agent_id to user_id;
alter index identity.api_keys_agent rename to api_keys_user;

-- Every key so far was an agent's and could do all an agent may: it keeps exactly that, so nothing
-- that works today stops working.
alter table identity.api_keys add column scopes text[];
update identity.api_keys set scopes = '{scans:write,tracking:read}';
alter table identity.api_keys alter column scopes set not null;

alter table identity.api_keys add column expires_at timestamptz;
alter table identity.api_keys add column requests_per_minute integer check (requests_per_minute > 0);
