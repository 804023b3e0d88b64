-- Per-tenant settings (issue 13): public tracking shows the carrier, the display name of the
-- shipment's tenant. The tracking module keeps its own copy from identity's tenant.settings_changed
-- events (a split deployment's tracking service has no identity tables): one row per tenant, the
-- tenant's own under row-level security.
create table tracking.carriers (
    tenant_id    uuid primary key default nullif(current_setting('app.tenant_id', true), '')::uuid,
    display_name text        not null,
    changed_at   timestamptz not null
);

select eventing.enable_tenancy('tracking');

-- The default tenant's name as identity gave it (V153). A tenant opened before this version is shown
-- without a carrier until its settings next change (a PATCH of /admin/tenant or
-- /platform/tenants/{id} announces them): this module reads no other module's tables, not even here.
insert into tracking.carriers (tenant_id, display_name, changed_at)
values ('00000000-0000-0000-0000-000000000001', 'Waybill', '-infinity');
