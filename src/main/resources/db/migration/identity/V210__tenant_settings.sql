-- Per-tenant settings (issue 13): who a tenant's mail comes from, and which proofs of delivery it
-- accepts. Null means the deployment's own (its mail sender, waybill.delivery.accepted-proofs), so
-- every tenant, the default one included, works as before until its admin sets them.
alter table identity.tenants
    add column sender_email    text,
    add column sender_name     text,
    add column accepted_proofs text[] check (accepted_proofs is null or cardinality(accepted_proofs) > 0);
