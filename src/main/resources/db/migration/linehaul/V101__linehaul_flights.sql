-- Flights that carry sealed bags, the bags loaded onto them, and the provider alerts already applied.
create table linehaul.flights (
    id                  uuid primary key,
    carrier_code        text        not null,
    flight_number       text        not null,
    departure_airport   text        not null,
    arrival_airport     text        not null,
    scheduled_departure timestamptz not null,
    scheduled_arrival   timestamptz not null,
    departure_zone      text        not null,
    arrival_zone        text        not null,
    status              text        not null
        check (status in ('scheduled', 'delayed', 'departed', 'landed', 'cancelled', 'diverted')),
    estimated_departure timestamptz not null,
    estimated_arrival   timestamptz not null,
    alert_subscription  text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);
-- A provider's alert names a flight by carrier, number and departure day.
create index flights_designator on linehaul.flights (carrier_code, flight_number, scheduled_departure);

alter table linehaul.bags add column flight_id uuid references linehaul.flights (id);
create index bags_flight on linehaul.bags (flight_id) where flight_id is not null;

-- Each alert's body is applied once: the same alert delivered again is recognised by its digest.
create table linehaul.flight_alerts (
    digest      text primary key,
    flight_id   uuid        not null references linehaul.flights (id),
    received_at timestamptz not null
);
