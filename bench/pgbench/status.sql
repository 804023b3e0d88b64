-- The limit of a status update (PUT /shipments/{id}/status, an in_transit scan): the statements
-- ShipmentService.changeStatus runs, in one transaction, as JdbcShipmentRepository (lock, the
-- history it loads with the shipment, update, appendHistory) and JdbcOutbox.publish write them,
-- run by pgbench in prepared mode against the benchmark's own tables (bench/lib.sh, run_limit):
--   1. the shipment, locked (select ... for update)
--   2. its history, in order (the server reads it to restore the aggregate; here it is counted,
--      which gives the next seq)
--   3. the shipment row updated
--   4. the new history row
--   5. the ShipmentStatusChanged event in the outbox, in its JSON envelope
-- Variables: samples (rows of public.bench_pgbench_sample: the in-transit shipments the HTTP
-- status row scans). The location 'Pgbench hub' marks the history rows for the clean-up.
\set k random(1, :samples)
BEGIN;
select s.id as sid, s.tracking_number as tn, s.customer_id as customer, s.agent_id as agent, s.hub_id as hub,
       s.status as previous, s.source_address as src, s.destination_address as dst, s.recipient_name as rname,
       s.recipient_phone as rphone, s.weight_kg as weight, s.description as descr, s.created_at, s.updated_at
from shipments.shipments s
where s.id = (select id from public.bench_pgbench_sample where k = :k) for update \gset
select count(*) as seq
from (select id, status, location, note, recorded_by, recorded_at from shipments.tracking_updates
      where shipment_id = :sid order by seq) h \gset
update shipments.shipments set agent_id = :agent, hub_id = :hub, status = 'in_transit', source_address = :src,
    destination_address = :dst, recipient_name = :rname, recipient_phone = :rphone, weight_kg = :weight,
    description = :descr, updated_at = now()
where id = :sid;
insert into shipments.tracking_updates (id, shipment_id, seq, status, location, note, recorded_by, recorded_at)
values (gen_random_uuid(), :sid, :seq, 'in_transit', 'Pgbench hub', null, :agent, now());
insert into eventing.outbox (event_id, topic, event_key, envelope, occurred_at)
select e.id, 'shipment.status.updated', :sid,
    jsonb_build_object('event_id', e.id::text, 'type', 'shipment.status.updated', 'version', 1,
        'occurred_at', now()::text,
        'payload', jsonb_build_object('shipment_id', :sid::text, 'tracking_number', :tn::text,
            'sequence', :seq::int, 'previous_status', :previous::text, 'status', 'in_transit',
            'location', 'Pgbench hub', 'customer_id', :customer::text, 'agent_id', :agent::text,
            'occurred_at', now()::text)),
    now()
from (select gen_random_uuid() as id) e;
END;
