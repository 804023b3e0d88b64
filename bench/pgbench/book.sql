-- The limit of a booking (POST /shipments): the statements ShipmentService.book runs, in one
-- transaction, as JdbcShipmentRepository.add and JdbcOutbox.publish write them, run by pgbench
-- in prepared mode against the benchmark's own tables (bench/lib.sh, run_limit):
--   1. is the drawn tracking number free (newTrackingNumber)
--   2. the shipment row
--   3. its first history row (seq 0, 'created')
--   4. the ShipmentBooked event in the outbox, in its JSON envelope
-- Variables: customer (a customer's id), run (a number of its own per pgbench run), n (0 at the
-- start; pgbench keeps a client's variables from one transaction to the next, so it counts the
-- client's bookings). run, n and client_id make every key unique; permute() spreads the tracking
-- numbers over the whole index as the random numbers of the server do. The 'PGB' prefix keeps
-- them apart from the server's 'TRK' numbers and marks them for the clean-up.
\set n :n + 1
\set p permute(:run * 1000000000 + :n * 1000 + :client_id, 100000000000, 20260)
\set src random(1, 8)
\set dst random(1, 8)
\set street random(1, 250)
\set grams random(100, 25000)
BEGIN;
select exists (select 1 from shipments.shipments where tracking_number = 'PGB' || lpad(:p::text, 11, '0'));
insert into shipments.shipments (id, tracking_number, customer_id, agent_id, hub_id, status, source_address,
    destination_address, recipient_name, recipient_phone, weight_kg, description, created_at, updated_at)
values (md5('pgbench-shipment-' || :p)::uuid, 'PGB' || lpad(:p::text, 11, '0'), :customer, null, null, 'created',
    :street || ' Station Road, ' || (array['Chennai', 'Bangalore', 'Mumbai', 'Delhi', 'Kolkata', 'Hyderabad', 'Pune', 'Jaipur'])[:src],
    :street || ' Market Street, ' || (array['Chennai', 'Bangalore', 'Mumbai', 'Delhi', 'Kolkata', 'Hyderabad', 'Pune', 'Jaipur'])[:dst],
    'Bench Recipient', '+919800000000', :grams / 1000.0, 'bench booking', now(), now());
insert into shipments.tracking_updates (id, shipment_id, seq, status, location, note, recorded_by, recorded_at)
values (gen_random_uuid(), md5('pgbench-shipment-' || :p)::uuid, 0, 'created', null, null, :customer, now());
insert into eventing.outbox (event_id, topic, event_key, envelope, occurred_at)
values (md5('pgbench-event-' || :p)::uuid, 'shipment.created', md5('pgbench-shipment-' || :p)::uuid::text,
    jsonb_build_object('event_id', md5('pgbench-event-' || :p)::uuid::text, 'type', 'shipment.created',
        'version', 1, 'occurred_at', now()::text,
        'payload', jsonb_build_object('shipment_id', md5('pgbench-shipment-' || :p)::uuid::text,
            'tracking_number', 'PGB' || lpad(:p::text, 11, '0'), 'customer_id', :customer::text,
            'source_address', :street || ' Station Road, ' || (array['Chennai', 'Bangalore', 'Mumbai', 'Delhi', 'Kolkata', 'Hyderabad', 'Pune', 'Jaipur'])[:src],
            'destination_address', :street || ' Market Street, ' || (array['Chennai', 'Bangalore', 'Mumbai', 'Delhi', 'Kolkata', 'Hyderabad', 'Pune', 'Jaipur'])[:dst],
            'occurred_at', now()::text)),
    now());
END;
