-- Per-tenant settings (issue 13): a tenant's mail goes out from its own sender when its admin set
-- one. The mail module's own copy of identity's tenant.settings_changed events (every process of a
-- split deployment sends mail, and none shares identity's tables). No row, or a null address: the
-- deployment's waybill.mail.from.
create table mail.senders (
    tenant_id    uuid primary key default nullif(current_setting('app.tenant_id', true), '')::uuid,
    sender_email text,
    sender_name  text,
    changed_at   timestamptz not null
);

select eventing.enable_tenancy('mail');
