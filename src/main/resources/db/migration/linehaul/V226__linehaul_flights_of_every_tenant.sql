-- Tenants fail closed (issue 13): work that names no tenant sees no row. A flight-data provider's alert
-- is signed with the deployment's shared secret and names a flight, not a tenant, and each tenant that
-- carries bags on that flight has a row of its own for it. This function, run as its owner, answers
-- which tenants those are and nothing else, so the alert is applied as each tenant's work. The
-- application calls it from the provider's webhook only.

-- Line haul's tables are every tenant's own (eventing.enable_tenancy, V150, says what that means). Start-up
-- applies it after the migrations too; applied here first, so that the function can name the tenant column.
select eventing.enable_tenancy('linehaul');

-- Each tenant applies an alert once: the same alert applied to one tenant's flight is news to another's.
alter table linehaul.flight_alerts drop constraint flight_alerts_pkey, add primary key (tenant_id, digest);

create function linehaul.tenants_with_flight(carrier text, number text, departs_from timestamptz,
                                             departs_before timestamptz)
returns setof uuid
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select distinct tenant_id from linehaul.flights
    where carrier_code = carrier and flight_number = number
      and scheduled_departure >= departs_from and scheduled_departure < departs_before
$$;

revoke all on function linehaul.tenants_with_flight(text, text, timestamptz, timestamptz) from public;
grant execute on function linehaul.tenants_with_flight(text, text, timestamptz, timestamptz) to waybill_app;
