-- The delivery module's agent locations: every point an agent's phone reported (pings), and each
-- agent's latest position, kept apart so that "where is everyone now" reads one small table.
create schema if not exists delivery;

-- One row per reported point. An agent reports a moment once: a batch sent again (the phone did
-- not get the answer) stores nothing twice. The primary key serves an agent's trail (by agent, in
-- time order); the BRIN index serves the retention's deletes by age at a fraction of a b-tree's
-- size and write cost, since points arrive roughly in time order (a phone that was offline sends
-- them at most 24 h late).
create table delivery.pings (
    agent_id    uuid             not null,
    recorded_at timestamptz      not null,
    latitude    double precision not null check (latitude between -90 and 90),
    longitude   double precision not null check (longitude between -180 and 180),
    accuracy_m  double precision check (accuracy_m >= 0),
    received_at timestamptz      not null,
    primary key (agent_id, recorded_at)
);
create index pings_recorded_at on delivery.pings using brin (recorded_at);

-- Each agent's newest point: upserted on every batch, the newer recorded_at wins, so a late batch
-- never moves an agent back. Indexed by time for the active agents (pinged within a window).
create table delivery.latest_positions (
    agent_id    uuid primary key,
    recorded_at timestamptz      not null,
    latitude    double precision not null,
    longitude   double precision not null,
    accuracy_m  double precision,
    received_at timestamptz      not null
);
create index latest_positions_recorded_at on delivery.latest_positions (recorded_at desc, agent_id);
