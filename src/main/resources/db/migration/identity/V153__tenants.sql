-- Tenants (issue 13): one tenant is one courier company on a shared deployment. The default tenant
-- has a fixed, well-known id: every row that existed before tenants belongs to it, and a deployment
-- that never creates another works exactly as before.
create table identity.tenants (
    id           uuid primary key,
    slug         text        not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    display_name text        not null,
    created_at   timestamptz not null default now()
);

insert into identity.tenants (id, slug, display_name)
values ('00000000-0000-0000-0000-000000000001', 'default', 'Waybill');

select eventing.enable_tenancy('identity');

-- A tenant sees its own row of identity.tenants (enable_tenancy gave the default tenant's row to it).

-- Before a request without a token can read anything, it must know its tenant. These functions run
-- as their owner (the migrations' role, which row-level security does not hold back) and answer
-- only the tenant of one key: never a row, never whether another tenant has it. They are the only
-- way the application's role reads across tenants.

-- The tenant of the live account with this email (sign-in, password reset by email).
create function identity.tenant_of_email(address text) returns uuid
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select tenant_id from identity.users where email = address and deleted_at is null
$$;

-- The tenant of a refresh token (refresh and sign-out carry no access token).
create function identity.tenant_of_refresh_token(hash bytea) returns uuid
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select tenant_id from identity.refresh_tokens where token_hash = hash
$$;

-- The tenant of an email verification or password reset token.
create function identity.tenant_of_account_token(hash bytea) returns uuid
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select tenant_id from identity.account_tokens where token_hash = hash
$$;

revoke all on function identity.tenant_of_email(text) from public;
revoke all on function identity.tenant_of_refresh_token(bytea) from public;
revoke all on function identity.tenant_of_account_token(bytea) from public;
grant execute on function identity.tenant_of_email(text) to waybill_app;
grant execute on function identity.tenant_of_refresh_token(bytea) to waybill_app;
grant execute on function identity.tenant_of_account_token(bytea) to waybill_app;
