-- Per-tenant settings (issue 13): the proofs of delivery a tenant accepts, the shipments module's own
-- copy of identity's tenant.settings_changed events (a split deployment shares no tables). No row, or
-- null proofs: the deployment's waybill.delivery.accepted-proofs.
create table shipments.tenant_proofs (
    tenant_id       uuid primary key default nullif(current_setting('app.tenant_id', true), '')::uuid,
    accepted_proofs text[],
    changed_at      timestamptz not null
);

select eventing.enable_tenancy('shipments');
