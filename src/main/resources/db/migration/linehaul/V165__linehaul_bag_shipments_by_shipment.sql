-- A shipment's earlier bags, to know where the last one was opened (its next leg starts there):
-- the partial unique index covers only the bag that holds it now.
create index bag_shipments_shipment on linehaul.bag_shipments (shipment_id);
