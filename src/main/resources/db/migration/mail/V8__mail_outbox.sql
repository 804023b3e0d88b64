-- The mail outbox, owned by the platform: a message is written in the transaction that asks for it
-- and sent after commit by the relay, with retries. The body is erased once sent or given up.
create schema if not exists mail;

create table mail.outbox (
    id              uuid primary key,
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    created_at      timestamptz not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    sent_at         timestamptz,
    failed_at       timestamptz,
    last_error      text
);

create index outbox_due on mail.outbox (next_attempt_at) where sent_at is null and failed_at is null;
