-- Who received a delivered shipment, by initials only (from shipment.proof_of_delivery): the public
-- page says "Delivered, received by R. K.".
alter table tracking.shipments add column received_by text;
