-- Tenants, step 2 (issue 13): a hub's name, a vehicle's registration and a lane's cities are unique
-- within a tenant. Unique across tenants, a company would be refused a name another company uses,
-- and so learn that the other has it.
drop index network.hubs_name;
create unique index hubs_name on network.hubs (tenant_id, lower(hub_name));
drop index network.vehicles_registration;
create unique index vehicles_registration on network.vehicles (tenant_id, upper(registration_number));
drop index network.lanes_cities;
create unique index lanes_cities on network.lanes (tenant_id, lower(origin_city), lower(destination_city));
