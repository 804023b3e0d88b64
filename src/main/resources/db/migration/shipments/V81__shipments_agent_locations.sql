-- A copy of each delivery agent's latest position, kept from the delivery module's
-- agent.location_recorded events (never read from its tables), to show a shipment's customer where
-- its agent is while the shipment is out for delivery. The newest recorded_at wins: a redelivered
-- or overtaken event changes nothing.
create table shipments.agent_locations (
    agent_id    uuid primary key,
    latitude    double precision not null,
    longitude   double precision not null,
    accuracy_m  double precision,
    recorded_at timestamptz      not null
);
