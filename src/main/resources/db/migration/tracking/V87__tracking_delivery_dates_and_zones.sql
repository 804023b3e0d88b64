-- The public page shows the promised and estimated delivery dates and each entry's local time.
-- estimate_sequence is the history entry after which the stored estimate was made: an estimate
-- that arrives late (from an older entry) does not replace a newer one. Shipments booked before
-- have no dates, and entries recorded before have no zone.
alter table tracking.shipments
    add column service_level          text,
    add column promised_delivery_date date,
    add column estimated_delivery     date,
    add column estimate_sequence      integer;

alter table tracking.history add column time_zone text;
