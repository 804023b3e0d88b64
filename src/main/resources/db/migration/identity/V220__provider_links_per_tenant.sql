-- Sign-in with an identity provider, per tenant (issue 13): each provider registration signs in to
-- one tenant, and the link its first sign-in makes is that tenant's. The same person at the same
-- provider may so hold an account in two tenants, each linked on its own; within one tenant, an
-- identity is still one account's.

-- The table got its tenant_id when the modules' tables were put under row-level security; a fresh
-- database creates it (V160) after that, so make sure of it here (idempotent) before keying on it.
select eventing.enable_tenancy('identity');

alter table identity.provider_links drop constraint provider_links_pkey;
alter table identity.provider_links add primary key (tenant_id, issuer, subject);
