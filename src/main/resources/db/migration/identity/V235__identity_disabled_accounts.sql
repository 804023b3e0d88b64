-- An admin may suspend an account and reinstate it (PATCH /admin/users/{id} {"disabled": ...}).
-- A disabled account keeps everything it has; it cannot sign in while disabled_at is set.
alter table identity.users add column disabled_at timestamptz;
