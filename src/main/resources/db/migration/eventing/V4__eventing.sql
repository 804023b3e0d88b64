-- The platform's event outbox. A module writes its events here in the same transaction as the
-- change they describe; the relay publishes them afterwards (to Kafka, or in-process) and stamps
-- each with a position in commit order, which in-process consumers follow.
create schema if not exists eventing;

create table eventing.outbox (
    id           bigserial primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    event_key    text        not null,
    envelope     jsonb       not null,
    occurred_at  timestamptz not null,
    published_at timestamptz,
    position     bigint unique
);

create index outbox_unpublished on eventing.outbox (id) where published_at is null;

-- The relay's high-water mark: one row, advanced by the single relay that holds the lock.
create table eventing.relay_state (
    singleton     boolean primary key default true check (singleton),
    last_position bigint  not null
);
insert into eventing.relay_state (last_position) values (0);

-- How far each in-process consumer group has read the outbox.
create table eventing.consumer_offsets (
    consumer_group text primary key,
    position       bigint not null
);

-- Events each consumer group has handled: a redelivered event changes nothing.
create table eventing.processed_events (
    consumer_group text        not null,
    event_id       uuid        not null,
    processed_at   timestamptz not null default now(),
    primary key (consumer_group, event_id)
);
