-- The terms of each API key, as the security module's copy needs them on every request. Rows from
-- before (and api_key.issued events from before) have none: null role reads as an agent's key (all
-- keys were), null scopes as every scope the owner's role allows, null expires_at as never, null
-- requests_per_minute as the server's default limit. So every key that worked keeps working.
alter table security.api_keys
    add column role text,
    add column scopes text[],
    add column expires_at timestamptz,
    add column requests_per_minute integer;
