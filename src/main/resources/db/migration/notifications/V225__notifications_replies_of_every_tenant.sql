-- Tenants fail closed (issue 13): work that names no tenant sees no row. A WhatsApp message comes from
-- Meta, signed with the deployment's app secret, and names no tenant; the tracking number it asks about
-- says whose shipment it is. This function, run as its owner, answers that tenant and nothing else, so
-- the reply is looked up and queued as that tenant's work. The application calls it from the WhatsApp
-- webhook only.
create function notifications.tenant_of_public_status(number text) returns uuid
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select tenant_id from notifications.public_statuses where tracking_number = number
$$;

revoke all on function notifications.tenant_of_public_status(text) from public;
grant execute on function notifications.tenant_of_public_status(text) to waybill_app;
