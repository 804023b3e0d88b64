-- The shipments module's copy of the hubs' names, printed on shipping labels (the routed hub),
-- fed by the network module's events (hub.created, hub.updated, hub.deleted) instead of asking
-- the network module: in a split deployment the two run in different processes with different
-- databases. as_of is the time of the state the row holds: an older event never replaces a newer
-- state. A removed hub keeps its last name (a parcel routed there still carries it) and a
-- tombstone (deleted_at), so that a late hub.updated does not change it.
create table shipments.hubs (
    hub_id     uuid primary key,
    hub_name   text,
    city       text,
    deleted_at timestamptz,
    as_of      timestamptz not null
);

-- Existing databases: the hubs as they are now. Where the network module has a database of its
-- own (split deployment), there is nothing to copy here, and the events fill the table.
do $$
begin
    if to_regclass('network.hubs') is not null then
        insert into shipments.hubs (hub_id, hub_name, city, as_of)
        select id, hub_name, city, now() from network.hubs
        on conflict (hub_id) do nothing;
    end if;
end $$;
