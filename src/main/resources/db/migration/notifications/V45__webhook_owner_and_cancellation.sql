-- A webhook acts for its owner as the owner's account is now: the scope saved at subscription
-- (all_shipments) is gone, it comes from the owner's current role. A subscription records why it
-- was disabled, and a delivery that will never be attempted again is 'cancelled'.
alter table notifications.webhooks drop column all_shipments;
alter table notifications.webhooks add column disabled_reason text;

alter table notifications.webhook_deliveries drop constraint webhook_deliveries_status_check;
alter table notifications.webhook_deliveries add constraint webhook_deliveries_status_check
    check (status in ('pending', 'delivered', 'failed', 'cancelled'));

create index webhooks_owner_active on notifications.webhooks (owner_id) where active;
