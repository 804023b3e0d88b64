-- Events a consumer group could not handle. Each failed attempt is counted; after
-- waybill.events.park-after attempts in a row the event is parked as a dead letter and the group
-- moves on, so one event that cannot be handled (a bug, a payload the consumer cannot read) does
-- not stop a module. An admin lists, retries or discards dead letters (/admin/events/dead-letters).
create table eventing.event_failures (
    consumer_group  text        not null,
    event_id        uuid        not null,
    attempts        integer     not null,
    last_error      text        not null,
    first_failed_at timestamptz not null default now(),
    last_failed_at  timestamptz not null default now(),
    primary key (consumer_group, event_id)
);

create table eventing.dead_letters (
    id             bigserial   primary key,
    consumer_group text        not null,
    event_id       uuid,
    topic          text        not null,
    event_key      text,
    envelope       text        not null,
    error          text        not null,
    attempts       integer     not null,
    first_failed_at timestamptz not null,
    parked_at      timestamptz not null default now()
);

create unique index dead_letters_group_event on eventing.dead_letters (consumer_group, event_id)
    where event_id is not null;
