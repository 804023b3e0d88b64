-- Cash on delivery: the payment of each cash-on-delivery shipment (a shipment without a row is
-- prepaid), amounts in integer minor units of an ISO 4217 currency, and the cash agents hand in.
create table shipments.payments (
    shipment_id       uuid        primary key references shipments.shipments (id),
    method            text        not null check (method in ('cash_on_delivery')),
    amount_minor      bigint      not null check (amount_minor > 0),
    currency          char(3)     not null,
    status            text        not null check (status in ('pending', 'collected', 'remitted', 'refunded')),
    mismatch_allowed  boolean     not null default false,
    collected_minor   bigint      check (collected_minor >= 0),
    collection_method text        check (collection_method in ('cash', 'card', 'upi')),
    collected_by      uuid,
    collected_at      timestamptz,
    remittance_id     uuid,
    check ((status = 'pending') = (collected_at is null)),
    check ((status in ('remitted', 'refunded')) = (remittance_id is not null))
);

-- An agent's collections, oldest first: the balance and the settling of a remittance read them.
create index payments_by_collector on shipments.payments (collected_by, currency, collected_at, shipment_id)
    where collected_by is not null;

create table shipments.remittances (
    id           uuid        primary key,
    agent_id     uuid        not null,
    amount_minor bigint      not null check (amount_minor > 0),
    currency     char(3)     not null,
    reference    text,
    recorded_by  uuid        not null,
    recorded_at  timestamptz not null
);

create index remittances_by_agent on shipments.remittances (agent_id, currency, recorded_at);
