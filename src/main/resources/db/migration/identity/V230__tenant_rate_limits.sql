-- Per-tenant settings (issue 13): a tenant's own budgets of the rate limits its accounts and API
-- keys spend from, by the limit's name ({"booking": 50}). Null: the deployment's for every limit.
alter table identity.tenants
    add column rate_limits jsonb check (rate_limits is null or jsonb_typeof(rate_limits) = 'object');
