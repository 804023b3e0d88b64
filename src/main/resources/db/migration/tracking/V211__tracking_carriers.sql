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

-- The tenants there were before the event: the default tenant's name is the one identity gave it
-- (V153), and where identity shares this database, every tenant's name as it is now. Elsewhere a
-- tenant opened before this is shown without a carrier until its settings next change.
insert into tracking.carriers (tenant_id, display_name, changed_at)
values ('00000000-0000-0000-0000-000000000001', 'Waybill', '-infinity');

do $$
begin
    if to_regprocedure('identity.all_tenants()') is not null then
        insert into tracking.carriers (tenant_id, display_name, changed_at)
        select id, display_name, '-infinity' from identity.all_tenants()
        on conflict (tenant_id) do update set display_name = excluded.display_name;
    end if;
end $$;
