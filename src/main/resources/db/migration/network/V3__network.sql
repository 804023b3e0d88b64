-- The network module's tables: hubs and the vehicles based at them.
create schema if not exists network;

create table network.hubs (
    id         uuid primary key,
    hub_name   text        not null,
    city       text        not null,
    address    text,
    latitude   double precision,
    longitude  double precision,
    created_at timestamptz not null
);

create unique index hubs_name on network.hubs (lower(hub_name));

create table network.vehicles (
    id                  uuid primary key,
    registration_number text        not null,
    type                text        not null,
    capacity_kg         numeric(10, 2) not null,
    hub_id              uuid references network.hubs (id) on delete restrict,
    status              text        not null,
    created_at          timestamptz not null
);

create unique index vehicles_registration on network.vehicles (upper(registration_number));
create index vehicles_hub on network.vehicles (hub_id);
