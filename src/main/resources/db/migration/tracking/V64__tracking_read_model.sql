-- The tracking module's own read model: what the public page and the live updates need of each
-- shipment, kept from the shipments module's events (never read from its tables at run time), so
-- that tracking can run in its own process with its own database.
create schema if not exists tracking;

-- One row per shipment. The tracking number and customer are null while only an agent assignment
-- has arrived (it travels on another topic than the booking). agent_version orders the facts that
-- name the agent: 2 * sequence for the history entry a status change recorded, 2 * sequence + 1
-- for an assignment made after that entry; a fact older than the one stored changes nothing.
create table tracking.shipments (
    shipment_id     uuid primary key,
    tracking_number varchar(14) unique,
    customer_id     uuid,
    agent_id        uuid,
    agent_version   integer
);

-- The history, one row per entry, keyed by its place in the shipment's history (the booking is 0):
-- a redelivered entry changes nothing, and an entry that arrives before the one preceding it waits
-- here, unseen, until the gap is filled.
create table tracking.history (
    shipment_id uuid        not null references tracking.shipments (shipment_id),
    sequence    integer     not null check (sequence >= 0),
    status      text        not null,
    location    text,
    occurred_at timestamptz not null,
    primary key (shipment_id, sequence)
);

-- Shipments whose cached document could not be written (the cache was unreachable): rewritten from
-- the read model once the cache is back. generation tells a repair from a newer failure.
create table tracking.cache_repairs (
    shipment_id uuid primary key,
    generation  bigint not null default 1
);

-- An existing database starts with what the shipments module holds; a database of its own (tracking
-- split off) has no shipments schema and is filled by the events.
do $$
begin
    if to_regclass('shipments.shipments') is not null and to_regclass('shipments.tracking_updates') is not null then
        insert into tracking.shipments (shipment_id, tracking_number, customer_id, agent_id, agent_version)
        select s.id, s.tracking_number, s.customer_id, s.agent_id,
               case when s.agent_id is null then null
                    else 2 * coalesce((select max(u.seq) from shipments.tracking_updates u
                                       where u.shipment_id = s.id), 0) + 1 end
        from shipments.shipments s
        on conflict do nothing;

        insert into tracking.history (shipment_id, sequence, status, location, occurred_at)
        select u.shipment_id, u.seq, u.status, u.location, u.recorded_at
        from shipments.tracking_updates u
        on conflict do nothing;
    end if;
end $$;
