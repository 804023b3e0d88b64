-- Tenants, step 2 (issue 13): agents' old location points are deleted for every tenant, each as that
-- tenant's work; row-level security shows one tenant's points, so the job first asks which tenants
-- have points past the retention. Run as its owner, this function answers that and nothing else.
create function delivery.tenants_with_pings_before(before timestamptz) returns setof uuid
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select distinct tenant_id from delivery.pings where recorded_at < before
$$;

revoke all on function delivery.tenants_with_pings_before(timestamptz) from public;
grant execute on function delivery.tenants_with_pings_before(timestamptz) to waybill_app;
