-- The reporting module's read model, kept up to date by events, so that a day's report reads a
-- handful of counter rows however many shipments there are.
create schema if not exists reporting;

-- What reporting needs to remember per shipment, whatever order its events arrive in.
create table reporting.shipments (
    shipment_id  uuid primary key,
    booked_on    date,
    hub_id       uuid,
    delivered_on date
);

create table reporting.daily_totals (
    day                     date primary key,
    booked                  bigint           not null default 0,
    users_registered        bigint           not null default 0,
    delivered               bigint           not null default 0,
    delivered_first_attempt bigint           not null default 0,
    delivery_hours_sum      double precision not null default 0
);

-- Distinct shipments that entered (or were scanned in) a status on a day: the members make the
-- count distinct, the counter makes reading it cheap.
create table reporting.daily_status (
    day       date   not null,
    status    text   not null,
    shipments bigint not null,
    primary key (day, status)
);

create table reporting.daily_status_members (
    day         date not null,
    status      text not null,
    shipment_id uuid not null,
    primary key (day, status, shipment_id)
);

create table reporting.daily_hubs (
    day       date   not null,
    hub_id    uuid   not null,
    booked    bigint not null default 0,
    delivered bigint not null default 0,
    primary key (day, hub_id)
);

-- Deliveries of a day by time from booking, in quarter-hour buckets, for percentiles.
create table reporting.delivery_durations (
    day        date    not null,
    bucket     integer not null,
    deliveries bigint  not null,
    primary key (day, bucket)
);
