-- The audit log, owned by the platform: every admin action and every refusal for authentication
-- or authorization, with who, what, when and from where. Rows are only ever appended.
create schema if not exists audit;

create table audit.events (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null,
    kind           text        not null check (kind in ('admin_action', 'refusal')),
    actor_id       uuid,
    actor_role     text,
    credential     text,
    method         text        not null,
    path           text        not null,
    status         integer     not null,
    client_address text,
    user_agent     text
);

create index events_occurred on audit.events (occurred_at);
create index events_actor on audit.events (actor_id, occurred_at) where actor_id is not null;
