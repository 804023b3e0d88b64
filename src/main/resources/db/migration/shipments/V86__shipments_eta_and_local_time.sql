-- Service levels, promised and estimated delivery dates, and time zones of history entries.
-- Shipments booked before are standard, with neither a promised nor an estimated date.
alter table shipments.shipments
    add column service_level text not null default 'standard' check (service_level in ('standard', 'express')),
    add column promised_delivery_date date,
    add column estimated_delivery date;

-- The IANA zone of the entry's place (its hub's, or the one the scanner sent); null for entries
-- recorded before zones.
alter table shipments.tracking_updates add column time_zone text;

-- Every change of a shipment's estimated delivery date, kept: revision 0 is the booking's.
create table shipments.delivery_estimates (
    shipment_id        uuid        not null references shipments.shipments (id),
    revision           integer     not null check (revision >= 0),
    history_seq        integer     not null,
    reason             text        not null,
    estimated_delivery date,
    previous_estimate  date,
    revised_at         timestamptz not null,
    primary key (shipment_id, revision)
);

-- The module's copy of the network's lanes and hubs, fed by the network module's events
-- (lane.created/updated/deleted, hub.created/updated/deleted), never read from its tables at run
-- time. as_of is the time of the state a row holds: an older event never replaces a newer state;
-- a removed lane or hub is a tombstone (deleted_at set) that a late update does not bring back.
create table shipments.network_lanes (
    lane_id               uuid primary key,
    origin_city           text,
    destination_city      text,
    standard_transit_days integer,
    express_transit_days  integer,
    deleted_at            timestamptz,
    as_of                 timestamptz not null
);

create table shipments.network_hubs (
    hub_id     uuid primary key,
    city       text,
    time_zone  text,
    deleted_at timestamptz,
    as_of      timestamptz not null
);

-- Existing databases: the hubs as they are now (their zones come with their next hub.updated; the
-- consumer group is new, so it also reads every hub event still in the outbox). Where the network
-- module has a database of its own there is nothing to copy, and the events fill the table.
do $$
begin
    if to_regclass('network.hubs') is not null then
        insert into shipments.network_hubs (hub_id, city, as_of)
        select id, city, created_at from network.hubs
        on conflict (hub_id) do nothing;
    end if;
end $$;
