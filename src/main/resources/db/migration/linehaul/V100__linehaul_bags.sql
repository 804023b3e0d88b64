-- The linehaul module's bags: shipments consolidated at an origin hub for a destination hub.
create schema if not exists linehaul;

create table linehaul.bags (
    id                 uuid primary key,
    code               text        not null unique,
    origin_hub_id      uuid        not null,
    destination_hub_id uuid        not null,
    status             text        not null
        check (status in ('open', 'sealed', 'dispatched', 'arrived', 'opened')),
    agent_id           uuid,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
-- GET /courier/bags: an agent's bags still travelling, newest first.
create index bags_agent on linehaul.bags (agent_id, created_at desc) where status <> 'opened';

-- What a bag holds. A shipment is held by at most one bag until that bag is opened: the partial
-- unique index decides, so two bags filled at the same moment cannot both take it.
create table linehaul.bag_shipments (
    bag_id      uuid        not null references linehaul.bags (id),
    shipment_id uuid        not null,
    position    int         not null,
    held        boolean     not null default true,
    primary key (bag_id, shipment_id)
);
create unique index bag_shipments_held_once on linehaul.bag_shipments (shipment_id) where held;
