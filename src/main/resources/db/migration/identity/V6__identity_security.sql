-- Email verification, one-time account tokens (verification, password reset) and API keys.
alter table identity.users add column email_verified_at timestamptz;

-- One-time tokens sent by email, kept only as SHA-256 hashes. A token is good once, until it
-- expires; issuing a new one of the same purpose supersedes the older ones (used_at is set).
create table identity.account_tokens (
    id          uuid primary key,
    user_id     uuid        not null references identity.users (id),
    purpose     text        not null check (purpose in ('verify_email', 'reset_password')),
    token_hash  bytea       not null unique,
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);

create index account_tokens_user on identity.account_tokens (user_id, purpose) where used_at is null;

-- API keys act for one agent. The key is shown once and kept as a SHA-256 hash; its first
-- characters (prefix) are kept in clear so that an admin and the logs can recognise it.
create table identity.api_keys (
    id          uuid primary key,
    agent_id    uuid        not null references identity.users (id),
    name        text        not null,
    prefix      text        not null,
    key_hash    bytea       not null unique,
    created_by  uuid        not null references identity.users (id),
    created_at  timestamptz not null,
    revoked_at  timestamptz
);

create index api_keys_agent on identity.api_keys (agent_id, created_at);
