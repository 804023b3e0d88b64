-- The delivery side of a shipment: the one-time code of the attempt under way (salted SHA-256,
-- never the code), failed attempts with their reasons, the customer's latest instruction, and the
-- proof of delivery (images are kept outside the database; only their references are here).
create table shipments.delivery_codes (
    shipment_id uuid    primary key references shipments.shipments (id),
    salt        bytea   not null,
    code_hash   bytea   not null,
    wrong_tries integer not null default 0
);

create table shipments.delivery_failures (
    shipment_id uuid        not null references shipments.shipments (id),
    attempt     integer     not null,
    reason      text        not null check (reason in ('recipient_absent', 'address_incorrect', 'refused',
                                'access_issue', 'weather', 'other')),
    failed_at   timestamptz not null,
    primary key (shipment_id, attempt)
);

create table shipments.delivery_instructions (
    shipment_id   uuid        primary key references shipments.shipments (id),
    action        text        not null check (action in ('reattempt', 'hold_at_hub', 'return_to_sender')),
    reattempt_on  date,
    after_attempt integer     not null,
    given_by      uuid        not null,
    given_at      timestamptz not null
);

create table shipments.proofs_of_delivery (
    shipment_id  uuid             primary key references shipments.shipments (id),
    kind         text             not null check (kind in ('otp', 'signature', 'photo')),
    received_by  text             not null,
    latitude     double precision,
    longitude    double precision,
    location     text             not null,
    image_refs   text[]           not null default '{}',
    recorded_by  uuid,
    delivered_at timestamptz      not null
);
