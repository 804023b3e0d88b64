-- A vehicle may be assigned to one delivery agent of its tenant; an agent drives one vehicle at a
-- time. The agent is the security module's account id (network reads no identity table).
alter table network.vehicles add column agent_id uuid;
create unique index vehicles_agent on network.vehicles (tenant_id, agent_id) where agent_id is not null;
