-- The shipments module's tables: the Shipment aggregate and its tracking history.
create schema if not exists shipments;

create table shipments.shipments (
    id                  uuid primary key,
    tracking_number     varchar(14) not null unique,
    customer_id         uuid        not null,
    agent_id            uuid,
    hub_id              uuid,
    status              text        not null check (status in ('created', 'picked_up', 'in_transit',
                            'out_for_delivery', 'delivered', 'delivery_failed', 'returned', 'cancelled')),
    source_address      text        not null,
    destination_address text        not null,
    recipient_name      text,
    recipient_phone     text,
    weight_kg           numeric(10, 3),
    description         text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);

create index shipments_customer on shipments.shipments (customer_id, created_at desc);
create index shipments_agent on shipments.shipments (agent_id, created_at desc) where agent_id is not null;
create index shipments_created on shipments.shipments (created_at);

-- One row per status change or scan; seq orders a shipment's history.
create table shipments.tracking_updates (
    id          uuid primary key,
    shipment_id uuid        not null references shipments.shipments (id),
    seq         integer     not null,
    status      text        not null,
    location    text,
    note        text,
    recorded_by uuid,
    recorded_at timestamptz not null,
    unique (shipment_id, seq)
);

create index tracking_updates_recorded on shipments.tracking_updates (recorded_at);
