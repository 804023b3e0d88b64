-- Where a scan was made, when the scanner sends it (POST /scans, POST /tracking/{id}): WGS 84
-- degrees, both or neither. Entries written before have none.
alter table shipments.tracking_updates
    add column lat double precision,
    add column lon double precision,
    add constraint tracking_updates_point check (
        (lat is null and lon is null)
        or (lat between -90 and 90 and lon between -180 and 180));
