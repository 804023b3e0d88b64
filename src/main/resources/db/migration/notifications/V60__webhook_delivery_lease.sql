-- A delivery being sent carries a lease: while it lasts, no other delivery to the same webhook is
-- claimed, so a slow or dead receiver holds up only its own deliveries. A sender that dies leaves
-- the delivery due again when the lease ends.
alter table notifications.webhook_deliveries add column leased_until timestamptz;

create index webhook_deliveries_in_flight on notifications.webhook_deliveries (webhook_id)
    where status = 'pending' and leased_until is not null;
