-- Bulk data set for the benchmark: :n shipments booked over the last :days days, each with the
-- tracking history its status implies, and the read models of reporting and tracking filled as the
-- events would have filled them. Run by bench/run.sh with psql, after the server has created the schema:
--
--   psql -v n=100000 -v days=30 -v customers='{uuid,...}' -v agents='{uuid,...}' -f bench/load.sql
--
-- The hubs (one per city below) and the users are created through the API beforehand. Nothing
-- goes to eventing.outbox: these rows never went through events.
\set ON_ERROR_STOP on
\timing on

set synchronous_commit = off;
set work_mem = '256MB';
set maintenance_work_mem = '1GB';

-- The tables the bulk load fills row by row.
create function pg_temp.bench_tables() returns regclass[] language sql stable as $$
    select array_agg(to_regclass(name)) from unnest(array['shipments.shipments', 'shipments.tracking_updates',
        'reporting.shipments', 'reporting.daily_status_members', 'tracking.shipments', 'tracking.history']) as name
    where to_regclass(name) is not null
$$;

-- Luhn over the ten payload digits, as TrackingNumber.checkDigit: from the right, every other
-- digit (the rightmost first) is doubled, and a doubled digit over 9 loses 9.
create function pg_temp.luhn_doubled(d bigint) returns bigint language sql immutable
    as 'select case when $1 >= 5 then 2 * $1 - 9 else 2 * $1 end';
create function pg_temp.luhn(p bigint) returns bigint language sql immutable as $$
    select (10 - (pg_temp.luhn_doubled(p % 10) + (p / 10) % 10
            + pg_temp.luhn_doubled((p / 100) % 10) + (p / 1000) % 10
            + pg_temp.luhn_doubled((p / 10000) % 10) + (p / 100000) % 10
            + pg_temp.luhn_doubled((p / 1000000) % 10) + (p / 10000000) % 10
            + pg_temp.luhn_doubled((p / 100000000) % 10) + (p / 1000000000) % 10) % 10) % 10
$$;

begin;

-- Building an index once, after the load, is much faster than updating it row by row (at 10
-- million rows several times over): keep the definitions of the loaded tables' constraints and
-- indexes as the migrations made them, drop them, load, and create them again, foreign keys last.
create temp table bench_constraints on commit drop as
select conrelid::regclass::text as table_name, conname, pg_get_constraintdef(oid) as definition, contype
from pg_constraint
where contype in ('p', 'u', 'f')
  and (conrelid = any (pg_temp.bench_tables()) or confrelid = any (pg_temp.bench_tables()));
create temp table bench_indexes on commit drop as
select indexrelid::regclass::text as index_name, pg_get_indexdef(indexrelid) as definition
from pg_index
where indrelid = any (pg_temp.bench_tables())
  and not exists (select 1 from pg_constraint where conindid = pg_index.indexrelid);
do $$
declare
    r record;
begin
    for r in select * from bench_constraints order by contype = 'f' desc loop
        execute format('alter table %s drop constraint %I', r.table_name, r.conname);
    end loop;
    for r in select * from bench_indexes loop
        execute format('drop index %s', r.index_name);
    end loop;
end
$$;

create temp table bench_cities (idx int primary key, city text not null, hub_id uuid) on commit drop;
insert into bench_cities (idx, city) values
    (0, 'Chennai'), (1, 'Bangalore'), (2, 'Mumbai'), (3, 'Delhi'),
    (4, 'Kolkata'), (5, 'Hyderabad'), (6, 'Pune'), (7, 'Jaipur');
update bench_cities c set hub_id = (select h.id from network.hubs h where h.city = c.city order by h.created_at limit 1);

-- Shipments. Payloads are i * 2654435761 + c modulo 10^10: the multiplier is prime to 10^10, so
-- distinct i give distinct numbers, which look random and never run in sequence. The status mix
-- (10% created, 5% cancelled, 10% picked up, 20% in transit, 10% out for delivery, 40% delivered,
-- 5% failed delivery) fixes how long each history is; a shipment's last update comes 2 to 120 hours
-- after its booking, and never after now.
insert into shipments.shipments (id, tracking_number, customer_id, agent_id, hub_id, status, source_address,
    destination_address, recipient_name, recipient_phone, weight_kg, description, created_at, updated_at)
select gen_random_uuid(),
       'TRK' || lpad(p::text, 10, '0') || pg_temp.luhn(p),
       (:'customers'::uuid[])[1 + i % cardinality(:'customers'::uuid[])],
       case when status in ('created', 'cancelled') then null
            else (:'agents'::uuid[])[1 + i % cardinality(:'agents'::uuid[])] end,
       src.hub_id,
       status,
       (1 + h % 250) || ' Station Road, ' || src.city,
       (1 + (h >> 8) % 250) || ' Market Street, ' || dst.city,
       'Recipient ' || i,
       '+9198' || lpad((i % 100000000)::text, 8, '0'),
       round(0.1 + ((h >> 16) % 25000) / 1000.0, 3),
       'bench bulk load',
       booked,
       case when status = 'created' then booked
            else least(now(), booked + make_interval(secs => 3600 * (2 + 118 * ((h >> 32) % 1000) / 1000.0))) end
from generate_series(1, :n::bigint) as g(i)
cross join lateral (select (i * 2654435761 + 4817362059) % 10000000000 as p,
                           abs(hashint8extended(i, 42)) as h) as r
cross join lateral (select now() - make_interval(secs => :days * 86400.0 * (abs(hashint8extended(i, 7)) % 1000000) / 1000000.0) as booked,
                           case when (h % 100) < 10 then 'created'
                                when (h % 100) < 15 then 'cancelled'
                                when (h % 100) < 25 then 'picked_up'
                                when (h % 100) < 45 then 'in_transit'
                                when (h % 100) < 55 then 'out_for_delivery'
                                when (h % 100) < 95 then 'delivered'
                                else 'delivery_failed' end as status) as s
join bench_cities src on src.idx = (h >> 40) % 8
join bench_cities dst on dst.idx = (src.idx + 1 + (h >> 44) % 7) % 8;

-- Every shipment's history: what its status implies, evenly spaced from booking to its last update;
-- and, from the same rows, the shipments that entered each status on each day (a history never
-- holds the same status twice, so they are distinct).
with history as (
insert into shipments.tracking_updates (id, shipment_id, seq, status, location, note, recorded_by, recorded_at)
select gen_random_uuid(), s.id, j - 1, path[j],
       case path[j]
           when 'picked_up' then split_part(s.source_address, ', ', 2)
           when 'in_transit' then split_part(s.source_address, ', ', 2) || ' hub'
           when 'out_for_delivery' then split_part(s.destination_address, ', ', 2)
           when 'delivered' then s.destination_address
           when 'delivery_failed' then s.destination_address
       end,
       null,
       case when j = 1 or path[j] = 'cancelled' then s.customer_id else s.agent_id end,
       case when j = cardinality(path) then s.updated_at
            else s.created_at + (s.updated_at - s.created_at) * (j - 1) / greatest(cardinality(path) - 1, 1) end
from shipments.shipments s
cross join lateral (select case s.status
        when 'created' then array['created']
        when 'cancelled' then array['created', 'cancelled']
        when 'picked_up' then array['created', 'picked_up']
        when 'in_transit' then array['created', 'picked_up', 'in_transit']
        when 'out_for_delivery' then array['created', 'picked_up', 'in_transit', 'out_for_delivery']
        when 'delivered' then array['created', 'picked_up', 'in_transit', 'out_for_delivery', 'delivered']
        else array['created', 'picked_up', 'in_transit', 'out_for_delivery', 'delivery_failed'] end as path) as p
cross join lateral generate_series(1, cardinality(path)) as j
where s.description = 'bench bulk load'
returning shipment_id, status, recorded_at)
insert into reporting.daily_status_members (day, status, shipment_id)
select (recorded_at at time zone 'UTC')::date, status, shipment_id from history;

-- The reporting read model, as ReportingProjection keeps it (UTC days).
insert into reporting.shipments (shipment_id, booked_on, hub_id, delivered_on)
select id, (created_at at time zone 'UTC')::date, hub_id,
       case when status = 'delivered' then (updated_at at time zone 'UTC')::date end
from shipments.shipments
where description = 'bench bulk load';

do $$
declare
    r record;
begin
    for r in select * from bench_indexes loop
        execute r.definition;
    end loop;
    for r in select * from bench_constraints order by contype = 'f' loop
        execute format('alter table %s add constraint %I %s', r.table_name, r.conname, r.definition);
    end loop;
end
$$;

-- The day figures' keys gained the tenant (V198): the conflicts name the primary keys, which keep their
-- names, so this script loads a database of either shape.
-- Each status counter is its members, counted again; the other counters add the bulk rows to what
-- the event consumers may have counted already (the users registered today).
insert into reporting.daily_status (day, status, shipments)
select day, status, count(*) from reporting.daily_status_members group by day, status
on conflict on constraint daily_status_pkey do update set shipments = excluded.shipments;

insert into reporting.daily_totals (day, booked, delivered, delivered_first_attempt, delivery_hours_sum)
select coalesce(b.day, d.day), coalesce(b.booked, 0), coalesce(d.delivered, 0), coalesce(d.delivered, 0),
       coalesce(d.hours, 0)
from (select (created_at at time zone 'UTC')::date as day, count(*) as booked from shipments.shipments
      where description = 'bench bulk load' group by 1) b
full join (select (s.updated_at at time zone 'UTC')::date as day, count(*) as delivered,
                  sum(extract(epoch from s.updated_at - s.created_at) / 3600.0) as hours
           from shipments.shipments s
           where s.status = 'delivered' and s.description = 'bench bulk load'
           group by 1) d on d.day = b.day
on conflict on constraint daily_totals_pkey do update set booked = daily_totals.booked + excluded.booked,
    delivered = daily_totals.delivered + excluded.delivered,
    delivered_first_attempt = daily_totals.delivered_first_attempt + excluded.delivered_first_attempt,
    delivery_hours_sum = daily_totals.delivery_hours_sum + excluded.delivery_hours_sum;

insert into reporting.daily_hubs (day, hub_id, booked, delivered)
select coalesce(b.day, d.day), coalesce(b.hub_id, d.hub_id), coalesce(b.booked, 0), coalesce(d.delivered, 0)
from (select (created_at at time zone 'UTC')::date as day, hub_id, count(*) as booked from shipments.shipments
      where description = 'bench bulk load' and hub_id is not null group by 1, 2) b
full join (select (updated_at at time zone 'UTC')::date as day, hub_id, count(*) as delivered
           from shipments.shipments
           where status = 'delivered' and description = 'bench bulk load' and hub_id is not null
           group by 1, 2) d
    on d.day = b.day and d.hub_id = b.hub_id
on conflict (day, hub_id) do update set booked = daily_hubs.booked + excluded.booked,
    delivered = daily_hubs.delivered + excluded.delivered;

-- Tracking's read model, as TrackingProjection keeps it from the same events (agent_version: the
-- assignment came after the latest entry, as an agent assigned before the first scan would). A build
-- before tracking kept a read model has no such tables: its successor copies them when it migrates.
do $$
begin
    if to_regclass('tracking.history') is not null then
        insert into tracking.shipments (shipment_id, tracking_number, customer_id, agent_id, agent_version)
        select s.id, s.tracking_number, s.customer_id, s.agent_id,
               case when s.agent_id is null then null else 2 * latest.seq + 1 end
        from shipments.shipments s
        join (select shipment_id, max(seq) as seq from shipments.tracking_updates group by shipment_id) latest
          on latest.shipment_id = s.id
        where s.description = 'bench bulk load';

        insert into tracking.history (shipment_id, sequence, status, location, occurred_at)
        select u.shipment_id, u.seq, u.status, u.location, u.recorded_at
        from shipments.tracking_updates u
        join shipments.shipments s on s.id = u.shipment_id
        where s.description = 'bench bulk load';

        -- Each shipment's latest status beside its agent, where the read model keeps it (V82 on).
        if exists (select from information_schema.columns
                   where table_schema = 'tracking' and table_name = 'shipments' and column_name = 'status_sequence') then
            update tracking.shipments t set status = s.status, status_sequence = latest.seq
            from shipments.shipments s
            join (select shipment_id, max(seq) as seq from shipments.tracking_updates group by shipment_id) latest
              on latest.shipment_id = s.id
            where t.shipment_id = s.id and s.description = 'bench bulk load';
        end if;
    end if;
end $$;

-- Quarter-hour buckets of booking-to-delivery time, the last bucket (60 days) taking the rest.
insert into reporting.delivery_durations (day, bucket, deliveries)
select (updated_at at time zone 'UTC')::date,
       least(5760, floor(extract(epoch from updated_at - created_at) / 900))::int, count(*)
from shipments.shipments
where status = 'delivered' and description = 'bench bulk load'
group by 1, 2
on conflict on constraint delivery_durations_pkey do update set deliveries = delivery_durations.deliveries + excluded.deliveries;

-- Agents' location points (:pings of them, default 1,000,000; bench/run.sh passes PINGS): 1000 phones
-- (agents known only by id: the delivery module checks no account when it reads) reporting evenly
-- over the last 24 hours, each trail ending between now and 2 hours ago, so that about half the
-- agents are active (seen within the hour); and each agent's latest position, as ingest keeps it.
-- A build without the delivery module has no such tables.
select set_config('bench.pings', :'pings', false);
do $$
declare
    agents constant int := 1000;
    per_agent int := greatest(1, current_setting('bench.pings')::int / 1000);
begin
    if to_regclass('delivery.pings') is not null then
        insert into delivery.pings (agent_id, recorded_at, latitude, longitude, accuracy_m, received_at)
        select md5('bench-phone-' || a)::uuid, t, 12.8 + (a % 40) / 100.0 + k / 1e6, 77.4 + (a / 40) / 100.0,
               5 + (k % 25), t + interval '2 seconds'
        from generate_series(1, agents) a,
             generate_series(1, per_agent) k,
             lateral (select now() - ((a % 120) * interval '1 minute')
                             - (per_agent - k) * (interval '22 hours' / per_agent) as t) time
        on conflict do nothing;

        insert into delivery.latest_positions (agent_id, recorded_at, latitude, longitude, accuracy_m, received_at)
        select distinct on (agent_id) agent_id, recorded_at, latitude, longitude, accuracy_m, received_at
        from delivery.pings
        where agent_id in (select md5('bench-phone-' || a)::uuid from generate_series(1, agents) a)
          and recorded_at >= now() - interval '3 hours'
        order by agent_id, recorded_at desc
        on conflict (agent_id) do nothing;

        analyze delivery.pings;
        analyze delivery.latest_positions;
    end if;
end $$;

commit;
