-- Failed delivery attempts per day and reason, in total and per hub (the hub the shipment was
-- routed to when the attempt failed), counted from shipment.delivery_failed events.
create table reporting.daily_failures (
    day      date   not null,
    reason   text   not null,
    failures bigint not null,
    primary key (day, reason)
);

create table reporting.daily_hub_failures (
    day      date   not null,
    hub_id   uuid   not null,
    reason   text   not null,
    failures bigint not null,
    primary key (day, hub_id, reason)
);
