-- Logging out everywhere or resetting the password revokes the account's access tokens issued
-- before that instant (they are checked against it on every request).
alter table identity.users add column tokens_revoked_at timestamptz;

-- A login (a family of refresh tokens) lives at most a fixed time from its first token, however
-- often it is rotated.
alter table identity.refresh_tokens add column family_started_at timestamptz;
update identity.refresh_tokens t set family_started_at = f.started
from (select family_id, min(issued_at) as started from identity.refresh_tokens group by family_id) f
where t.family_id = f.family_id;
alter table identity.refresh_tokens alter column family_started_at set not null;
-- Instances still on the previous version insert no start during a rolling deployment: their new
-- tokens start a family then.
alter table identity.refresh_tokens alter column family_started_at set default now();
