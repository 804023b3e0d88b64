-- The security module's own copy of what authentication needs to know about accounts and API keys,
-- so that a service authenticates every request from its own database. The identity module writes
-- it in the transaction of each change; every other service fills it from identity's events
-- (user.created, user.updated, user.deleted, api_key.issued, api_key.revoked).
create schema if not exists security;

-- One row per account this copy has heard of. as_of is when the state it holds was true: only a
-- newer state replaces it, so a replayed or late event changes nothing. A deleted account keeps
-- its row (deleted_at set) for good: no later event brings it back, and "no row" always means
-- "not heard of yet", never "deleted".
create table security.accounts (
    user_id           uuid primary key,
    role              text        not null check (role in ('customer', 'agent', 'admin')),
    tokens_revoked_at timestamptz,
    deleted_at        timestamptz,
    as_of             timestamptz not null
);

-- API keys by the SHA-256 hash of the key (the same hash identity keeps; the key itself is nowhere).
-- A revocation may arrive before the issue (they travel on two topics): the row is then made
-- without a hash, and the issue that follows fills the hash in and keeps the revocation.
create table security.api_keys (
    id         uuid primary key,
    key_hash   bytea unique,
    user_id    uuid        not null,
    revoked_at timestamptz,
    as_of      timestamptz not null
);

create index api_keys_user on security.api_keys (user_id);

-- Existing databases: copy what identity has now. Where identity lives in another database (one
-- database per service) there is nothing to copy, and the events fill the copy instead.
do $$
begin
    if to_regclass('identity.users') is not null then
        insert into security.accounts (user_id, role, tokens_revoked_at, deleted_at, as_of)
        select id, role, tokens_revoked_at, deleted_at,
               greatest(created_at, tokens_revoked_at, deleted_at)
        from identity.users
        on conflict (user_id) do nothing;
    end if;
    if to_regclass('identity.api_keys') is not null then
        insert into security.api_keys (id, key_hash, user_id, revoked_at, as_of)
        select id, key_hash, agent_id, revoked_at, greatest(created_at, revoked_at)
        from identity.api_keys
        on conflict do nothing;
    end if;
end
$$;
