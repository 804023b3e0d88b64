-- Idempotency keys of write requests (Idempotency-Key header), per caller: a row is inserted when a
-- request takes its key (lease_token, leased_until: in flight), then holds the answer to replay
-- (status, content type, location, body) until expires_at, when the purge deletes it.
create table security.idempotency_keys (
    caller_id       uuid         not null,
    idempotency_key varchar(255) not null,
    fingerprint     text         not null,
    method          text         not null,
    path            text         not null,
    lease_token     uuid,
    leased_until    timestamptz,
    status          integer,
    content_type    text,
    location        text,
    body            bytea,
    created_at      timestamptz  not null,
    expires_at      timestamptz  not null,
    primary key (caller_id, idempotency_key),
    check ((status is null) = (lease_token is not null))
);

create index idempotency_keys_expiry on security.idempotency_keys (expires_at);
