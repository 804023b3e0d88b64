-- Tenants (issue 13): the security module's tables belong to tenants, under row-level security
-- (eventing.enable_tenancy, V150, says what that means).
select eventing.enable_tenancy('security');

-- The tenant of an API key, asked before the key's row can be read (the request carries no token
-- naming its tenant). Runs as its owner, whom row-level security does not hold back, and answers
-- only a tenant id (see identity's tenant_of_email for the same shape).
create function security.tenant_of_api_key(hash bytea) returns uuid
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select tenant_id from security.api_keys where key_hash = hash
$$;

revoke all on function security.tenant_of_api_key(bytea) from public;
grant execute on function security.tenant_of_api_key(bytea) to waybill_app;

-- The audit log's own schema (V7) is the security module's too.
select eventing.enable_tenancy('audit');
