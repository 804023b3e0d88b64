-- WhatsApp and push join email and SMS. A reply to someone who wrote to the WhatsApp number is a
-- notification too (so it is retried like any other), but that someone may have no account: such a
-- row has no user, only the number it answers.
alter table notifications.notifications drop constraint notifications_channel_check;
alter table notifications.notifications add constraint notifications_channel_check
    check (channel in ('email', 'sms', 'whatsapp', 'push'));
alter table notifications.notifications alter column user_id drop not null;
alter table notifications.notifications add constraint notifications_for_someone
    check (user_id is not null or recipient is not null);

alter table notifications.preferences add column whatsapp boolean not null default true;
alter table notifications.preferences add column push boolean not null default true;

-- The devices a user's app registered for push (an FCM registration token each). A token names one
-- app installation, so it belongs to one user at a time: the last one who registered it.
create table notifications.devices (
    id         uuid primary key,
    user_id    uuid        not null,
    token      text        not null unique,
    platform   text        not null check (platform in ('android', 'ios', 'web')),
    created_at timestamptz not null
);

create index devices_user on notifications.devices (user_id, created_at);

-- The public status of each shipment (what /track shows first: status, place, time), kept from the
-- shipments' events for the replies to WhatsApp messages: in a split deployment the tracking module
-- runs elsewhere. sequence is the history entry the row shows (the booking is 0): an older entry
-- never replaces a newer one.
create table notifications.public_statuses (
    tracking_number varchar(14) primary key,
    status          text        not null,
    location        text,
    updated_at      timestamptz not null,
    sequence        integer     not null
);

-- Existing databases: the statuses as the tracking read model has them. A database of its own
-- (notifications split off) is filled by the events.
do $$
begin
    if to_regclass('tracking.history') is not null and to_regclass('tracking.shipments') is not null then
        insert into notifications.public_statuses (tracking_number, status, location, updated_at, sequence)
        select s.tracking_number, h.status,
               (select l.location from tracking.history l where l.shipment_id = s.shipment_id
                    and l.location is not null order by l.sequence desc limit 1),
               h.occurred_at, h.sequence
        from tracking.shipments s
        join lateral (select * from tracking.history x where x.shipment_id = s.shipment_id
                      order by x.sequence desc limit 1) h on true
        where s.tracking_number is not null
        on conflict (tracking_number) do nothing;
    end if;
end $$;
