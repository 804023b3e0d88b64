-- Line haul per lane (origin hub -> destination hub) and day, from the linehaul module's bag.sealed
-- and bag.scanned events: bags sealed and the shipments in them (on the day sealed), bags arrived at
-- the destination hub, those of them with a due time (their flight's scheduled arrival), and those
-- on time (on the day they arrived).
create table reporting.lane_days (
    day                date   not null,
    origin_hub_id      uuid   not null,
    destination_hub_id uuid   not null,
    bags               bigint not null default 0,
    shipments          bigint not null default 0,
    bags_arrived       bigint not null default 0,
    arrivals_timed     bigint not null default 0,
    arrivals_on_time   bigint not null default 0,
    primary key (day, origin_hub_id, destination_hub_id)
);
