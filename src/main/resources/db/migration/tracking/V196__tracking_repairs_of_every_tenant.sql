-- Tenants, step 2 (issue 13): the tracking cache is repaired for every tenant, each as that tenant's
-- work; row-level security shows one tenant's repairs, so the job first asks which tenants have some.
-- Run as its owner, this function answers that and nothing else.
create function tracking.tenants_with_cache_repairs() returns setof uuid
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select distinct tenant_id from tracking.cache_repairs
$$;

revoke all on function tracking.tenants_with_cache_repairs() from public;
grant execute on function tracking.tenants_with_cache_repairs() to waybill_app;
