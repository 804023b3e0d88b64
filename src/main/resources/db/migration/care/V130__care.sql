-- The care module: support tickets with their threads, delivery feedback, and the module's own copy
-- of the shipments (owner, assigned agent, status, who delivered), kept from the shipments' events
-- and never read from their tables, so that care can run in its own process with its own database.
create schema if not exists care;

-- One row per shipment. customer_id is null while only a status change or an assignment has arrived.
-- status_sequence is the history entry the status comes from (an older one changes nothing);
-- agent_version orders the facts that name the agent as in tracking's copy (2 * sequence for a
-- status change, 2 * sequence + 1 for an assignment made after that entry).
create table care.shipments (
    shipment_id     uuid primary key,
    customer_id     uuid,
    agent_id        uuid,
    agent_version   integer,
    status          text,
    status_sequence integer,
    delivered_by    uuid,
    delivered_at    timestamptz
);
create index shipments_by_agent on care.shipments (agent_id);

create table care.tickets (
    id                uuid primary key,
    requester_id      uuid        not null,
    shipment_id       uuid,
    category          text        not null check (category in ('delay', 'damage', 'lost', 'payment', 'other')),
    status            text        not null check (status in ('open', 'in_progress', 'resolved', 'closed')),
    opened_at         timestamptz not null,
    updated_at        timestamptz not null,
    first_response_at timestamptz,
    last_staff_id     uuid
);
create index tickets_by_requester on care.tickets (requester_id, opened_at desc);
create index tickets_by_shipment on care.tickets (shipment_id) where shipment_id is not null;
create index tickets_by_opening on care.tickets (opened_at desc);

-- A ticket's thread; number 1 is the opening message.
create table care.ticket_messages (
    ticket_id uuid        not null references care.tickets (id),
    number    integer     not null check (number >= 1),
    author_id uuid        not null,
    side      text        not null check (side in ('requester', 'staff')),
    body      text        not null,
    sent_at   timestamptz not null,
    primary key (ticket_id, number)
);

-- One rating per shipment, by its customer; agent_id is who delivered it. Indexed for the admin's
-- list of low ratings.
create table care.feedback (
    shipment_id uuid primary key,
    customer_id uuid        not null,
    agent_id    uuid,
    rating      smallint    not null check (rating between 1 and 5),
    comment     text,
    given_at    timestamptz not null,
    changed_at  timestamptz not null
);
create index feedback_by_rating on care.feedback (rating, changed_at desc);

-- An existing database starts with what the shipments module holds; a database of its own (care
-- split off) has no shipments schema and is filled by the events.
do $$
begin
    if to_regclass('shipments.shipments') is not null and to_regclass('shipments.tracking_updates') is not null then
        insert into care.shipments (shipment_id, customer_id, agent_id, agent_version, status, status_sequence,
                                    delivered_by, delivered_at)
        select s.id, s.customer_id, s.agent_id,
               case when s.agent_id is null then null else 2 * coalesce(latest.seq, 0) + 1 end,
               latest.status, latest.seq,
               case when latest.status = 'delivered' then s.agent_id end,
               case when latest.status = 'delivered' then latest.recorded_at end
        from shipments.shipments s
        left join lateral (select u.seq, u.status, u.recorded_at from shipments.tracking_updates u
                           where u.shipment_id = s.id order by u.seq desc limit 1) latest on true
        on conflict do nothing;
    end if;
end $$;
