-- Tenants, step 2 (issue 13): platform operators and sign-in within a tenant.

-- A platform operator creates tenants and their first admins; it is no tenant's admin. Its account
-- lives in the default tenant, the platform's own, and no request can give an account this role.
alter table identity.users drop constraint users_role_check;
alter table identity.users add constraint users_role_check
    check (role in ('customer', 'agent', 'admin', 'platform'));

-- An address belongs to one live account of a tenant: two companies may each have a customer with
-- the same address, and neither learns of the other's.
drop index identity.users_email_live;
create unique index users_email_live on identity.users (tenant_id, email) where deleted_at is null;

-- The tenant of a slug (register, sign-in and reset name their tenant by its slug; none names the
-- default tenant). Like the functions of V153, it answers the tenant's id and nothing else.
create function identity.tenant_of_slug(tenant_slug text) returns uuid
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select id from identity.tenants where slug = tenant_slug
$$;

-- An address is an account's within one tenant now: the sign-in's tenant is named by its slug.
drop function identity.tenant_of_email(text);
create function identity.tenant_of_email(tenant_slug text, address text) returns uuid
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select u.tenant_id from identity.users u join identity.tenants t on t.id = u.tenant_id
    where t.slug = tenant_slug and u.email = address and u.deleted_at is null
$$;

-- Every tenant, for platform operators (the application checks the caller's role): the tenants'
-- rows are each their own tenant's, so listing them all looks across tenants.
create function identity.all_tenants() returns table (id uuid, slug text, display_name text, created_at timestamptz)
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select id, slug, display_name, created_at from identity.tenants
$$;

revoke all on function identity.tenant_of_slug(text) from public;
revoke all on function identity.tenant_of_email(text, text) from public;
revoke all on function identity.all_tenants() from public;
grant execute on function identity.tenant_of_slug(text) to waybill_app;
grant execute on function identity.tenant_of_email(text, text) to waybill_app;
grant execute on function identity.all_tenants() to waybill_app;
