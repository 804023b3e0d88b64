-- The identity module's tables: accounts and refresh tokens.
create schema if not exists identity;

create table identity.users (
    id            uuid primary key,
    email         text        not null,
    password_hash text        not null,
    full_name     text,
    phone         text,
    role          text        not null check (role in ('customer', 'agent', 'admin')),
    created_at    timestamptz not null,
    deleted_at    timestamptz
);

-- An address belongs to one live account; a deleted account frees it.
create unique index users_email_live on identity.users (email) where deleted_at is null;
create index users_role_created on identity.users (role, created_at) where deleted_at is null;

-- Refresh tokens are kept only as SHA-256 hashes. A family is one login's chain of rotations:
-- presenting a used or revoked token revokes the whole family.
create table identity.refresh_tokens (
    id          uuid primary key,
    user_id     uuid        not null references identity.users (id),
    family_id   uuid        not null,
    token_hash  bytea       not null unique,
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);

create index refresh_tokens_family on identity.refresh_tokens (family_id);
create index refresh_tokens_user on identity.refresh_tokens (user_id);
