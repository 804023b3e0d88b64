-- Per-tenant settings (issue 13): the security module's own copy of the budgets each tenant gave the
-- rate limits its accounts and API keys spend from, kept from identity's tenant.settings_changed
-- events (every process of a split deployment throttles, and none shares identity's tables). No row,
-- or a limit the row does not name: the deployment's budget (waybill.rate-limits.*).
create table security.tenant_rate_limits (
    tenant_id  uuid primary key default nullif(current_setting('app.tenant_id', true), '')::uuid,
    budgets    jsonb       not null default '{}'::jsonb,
    changed_at timestamptz not null
);

select eventing.enable_tenancy('security');
