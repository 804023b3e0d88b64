-- GET /shipments?updated_since=&cursor=: shipments by last change, oldest first, read page after
-- page from an index (keyset paging on (updated_at, id)) for each kind of caller: a customer's own,
-- an agent's assigned ones, and all of them for admins.
create index shipments_customer_updated on shipments.shipments (customer_id, updated_at, id);
create index shipments_agent_updated on shipments.shipments (agent_id, updated_at, id) where agent_id is not null;
create index shipments_updated on shipments.shipments (updated_at, id);
