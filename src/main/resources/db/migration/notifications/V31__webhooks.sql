-- Webhook subscriptions and their delivery log, owned by the notifications module.
create table notifications.webhooks (
    id          uuid primary key,
    owner_id    uuid        not null,
    all_shipments boolean   not null,
    url         text        not null,
    events      text[]      not null,
    secret      text        not null,
    active      boolean     not null default true,
    created_at  timestamptz not null,
    disabled_at timestamptz
);

create index webhooks_owner on notifications.webhooks (owner_id, created_at);

create table notifications.webhook_deliveries (
    id               uuid primary key,
    webhook_id       uuid        not null references notifications.webhooks (id) on delete cascade,
    event_id         uuid        not null,
    event_type       text        not null,
    body             text        not null,
    status           text        not null check (status in ('pending', 'delivered', 'failed')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    created_at       timestamptz not null,
    delivered_at     timestamptz,
    last_status_code integer,
    last_error       text,
    unique (webhook_id, event_id)
);

create index webhook_deliveries_due on notifications.webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_log on notifications.webhook_deliveries (webhook_id, created_at);
