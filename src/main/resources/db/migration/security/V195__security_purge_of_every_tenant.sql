-- Tenants, step 2 (issue 13): the purge of spent idempotency keys runs for every tenant, each as that
-- tenant's work; row-level security shows it one tenant's keys, so it first asks which tenants have
-- keys past their retention. Run as its owner, this function answers that and nothing else.
create function security.tenants_with_expired_idempotency_keys(at timestamptz) returns setof uuid
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select distinct tenant_id from security.idempotency_keys where expires_at <= at
$$;

revoke all on function security.tenants_with_expired_idempotency_keys(timestamptz) from public;
grant execute on function security.tenants_with_expired_idempotency_keys(timestamptz) to waybill_app;
