-- Each shipment's latest status in the read model, next to its agent, so that the live updates find
-- the shipments an agent has out for delivery (to push the agent's position to their followers)
-- with one index lookup instead of a scan of the agent's whole history. status_sequence is the
-- sequence of the entry the status comes from: an entry older than it changes nothing.
alter table tracking.shipments add column status text, add column status_sequence integer;

update tracking.shipments s
set status = h.status, status_sequence = h.sequence
from (select distinct on (shipment_id) shipment_id, sequence, status from tracking.history
      order by shipment_id, sequence desc) h
where h.shipment_id = s.shipment_id;

create index shipments_out_for_delivery_by_agent on tracking.shipments (agent_id)
    where status = 'out_for_delivery';
