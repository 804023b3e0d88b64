-- Tenants (issue 13): the tracking module's tables belong to tenants, under row-level security
-- (eventing.enable_tenancy, V150, says what that means).
select eventing.enable_tenancy('tracking');

-- The tenant of a tracking number (numbers are unique platform-wide): public tracking asks it before
-- it reads the shipment as that tenant's. Runs as its owner, whom row-level security does not hold
-- back, and answers only a tenant id.
create function tracking.tenant_of_tracking_number(number text) returns uuid
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select tenant_id from tracking.shipments where tracking_number = number
$$;

revoke all on function tracking.tenant_of_tracking_number(text) from public;
grant execute on function tracking.tenant_of_tracking_number(text) to waybill_app;
