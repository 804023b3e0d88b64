-- Tenants, step 2 (issue 13): the notification and webhook senders send every tenant's messages and
-- deliveries, each tenant's as that tenant's work. Row-level security shows a connection one
-- tenant's rows, so a sender first asks which tenants have something due: these functions, run as
-- their owner, answer that and nothing else.
create function notifications.tenants_with_due_notifications(due_at timestamptz) returns setof uuid
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select distinct tenant_id from notifications.notifications where status = 'pending' and next_attempt_at <= due_at
$$;

create function notifications.tenants_with_due_deliveries(due_at timestamptz) returns setof uuid
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select distinct tenant_id from notifications.webhook_deliveries
    where status = 'pending' and next_attempt_at <= due_at
$$;

revoke all on function notifications.tenants_with_due_notifications(timestamptz) from public;
revoke all on function notifications.tenants_with_due_deliveries(timestamptz) from public;
grant execute on function notifications.tenants_with_due_notifications(timestamptz) to waybill_app;
grant execute on function notifications.tenants_with_due_deliveries(timestamptz) to waybill_app;
