-- The reporting module's copy of the hubs it names in reports, fed by the network module's events
-- (hub.created, hub.updated, hub.deleted) instead of asking the network module: in a split
-- deployment the two run in different processes with different databases.
-- as_of is the time of the state the row holds: an older event never replaces a newer state. A
-- removed hub is a tombstone (deleted_at set), so that a late hub.updated does not bring it back.
create table reporting.hubs (
    hub_id     uuid primary key,
    hub_name   text,
    city       text,
    created_at timestamptz not null,
    deleted_at timestamptz,
    as_of      timestamptz not null
);

create index hubs_live on reporting.hubs (created_at, hub_id) where deleted_at is null;

-- Existing databases: the hubs as they are now. Where the network module has a database of its
-- own (split deployment), there is nothing to copy here, and the events fill the table.
do $$
begin
    if to_regclass('network.hubs') is not null then
        insert into reporting.hubs (hub_id, hub_name, city, created_at, as_of)
        select id, hub_name, city, created_at, now() from network.hubs
        on conflict (hub_id) do nothing;
    end if;
end $$;
