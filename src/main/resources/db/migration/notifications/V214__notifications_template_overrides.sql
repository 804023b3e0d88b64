-- Per-tenant settings (issue 13): a tenant's own text for a notification, in place of the built-in
-- template of that kind and channel. No row: the built-in one.
create table notifications.template_overrides (
    tenant_id  uuid        not null default nullif(current_setting('app.tenant_id', true), '')::uuid,
    kind       text        not null,
    channel    text        not null,
    template   text        not null,
    changed_at timestamptz not null,
    primary key (tenant_id, kind, channel)
);

select eventing.enable_tenancy('notifications');
