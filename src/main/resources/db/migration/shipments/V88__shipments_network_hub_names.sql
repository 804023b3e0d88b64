-- The module's one copy of the hubs (shipments.network_hubs) also keeps each hub's name, which
-- shipping labels print for the routed hub. A removed hub keeps its last name: a parcel routed there
-- still carries it.
alter table shipments.network_hubs add column hub_name text;

-- Existing databases: the names of the hubs copied so far. Where the network module has a database
-- of its own (split deployment), there is nothing to copy here, and the hub events fill the names.
do $$
begin
    if to_regclass('network.hubs') is not null then
        update shipments.network_hubs copied set hub_name = hubs.hub_name
        from network.hubs hubs
        where copied.hub_id = hubs.id and copied.hub_name is null;
    end if;
end $$;
