-- The notifications module: what was (or is to be) sent to whom, and each user's opt-outs.
create schema if not exists notifications;

create table notifications.notifications (
    id              uuid primary key,
    event_id        uuid        not null,
    user_id         uuid        not null,
    channel         text        not null check (channel in ('email', 'sms')),
    kind            text        not null,
    recipient       text        not null,
    subject         text,
    body            text        not null,
    status          text        not null check (status in ('pending', 'sent', 'failed')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    last_error      text,
    unique (event_id, channel)
);

create index notifications_due on notifications.notifications (next_attempt_at) where status = 'pending';
create index notifications_user on notifications.notifications (user_id, created_at);

create table notifications.preferences (
    user_id    uuid primary key,
    email      boolean     not null,
    sms        boolean     not null,
    updated_at timestamptz not null
);
