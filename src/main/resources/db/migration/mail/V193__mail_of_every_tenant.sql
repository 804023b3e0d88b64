-- Tenants, step 2 (issue 13): the mail relay sends every tenant's mail, each tenant's as that tenant's
-- work. Row-level security shows a connection one tenant's messages, so the relay first asks which
-- tenants have mail due: this function, run as its owner, answers that and nothing else.
create function mail.tenants_with_due_mail(due_at timestamptz) returns setof uuid
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select distinct tenant_id from mail.outbox
    where sent_at is null and failed_at is null and next_attempt_at <= due_at
$$;

revoke all on function mail.tenants_with_due_mail(timestamptz) from public;
grant execute on function mail.tenants_with_due_mail(timestamptz) to waybill_app;
