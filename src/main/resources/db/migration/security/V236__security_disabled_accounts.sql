-- The security module's copy learns that an account is disabled (user.updated carries "disabled"):
-- its tokens and API keys are refused while it is, as for a deleted account, but unlike a
-- deletion the state is not final; a newer state (as_of) replaces it as any other.
alter table security.accounts add column disabled boolean not null default false;
