-- Hubs get an IANA time zone, in which the times of scans at them are shown. Hubs opened before
-- keep null: they are shown in the deployment's zone (waybill.time-zone) until an admin sets one.
alter table network.hubs add column time_zone text;

-- Lanes: calendar days from one city to another, per service level; one per pair of cities, their
-- names compared ignoring case, as hub choice compares a city with an address.
create table network.lanes (
    id                    uuid primary key,
    origin_city           text        not null,
    destination_city      text        not null,
    standard_transit_days integer     not null check (standard_transit_days between 0 and 60),
    express_transit_days  integer     not null check (express_transit_days between 0 and 60),
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    check (express_transit_days <= standard_transit_days)
);

create unique index lanes_cities on network.lanes (lower(origin_city), lower(destination_city));
