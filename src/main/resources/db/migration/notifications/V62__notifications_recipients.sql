-- The notifications module keeps its own copy of whom it writes to, fed by identity's events
-- (user.created, user.updated, user.deleted), instead of asking the identity module: in a split
-- deployment the two run in different processes with different databases.
-- as_of is the time of the state the row holds: an older event never replaces a newer state.
-- A deleted account is a tombstone: deleted_at set, its address, name and phone dropped.
create table notifications.recipients (
    user_id        uuid primary key,
    email          text,
    full_name      text,
    phone          text,
    role           text,
    email_verified boolean     not null default false,
    deleted_at     timestamptz,
    as_of          timestamptz not null
);

-- A notification planned before its recipient's user.created arrived has no address and no text
-- yet: it keeps the template's values and is written when it is sent. One that will never be sent
-- (the account was deleted, the address is not verified, there is no textable phone) is 'cancelled'.
alter table notifications.notifications alter column recipient drop not null;
alter table notifications.notifications alter column body drop not null;
alter table notifications.notifications add column template_values jsonb;
alter table notifications.notifications drop constraint notifications_status_check;
alter table notifications.notifications add constraint notifications_status_check
    check (status in ('pending', 'sent', 'failed', 'cancelled'));
alter table notifications.notifications add constraint notifications_written_or_resolvable
    check (recipient is not null and body is not null or template_values is not null);

-- Existing databases: the accounts as they are now. Where the identity module has a database of
-- its own (split deployment), there is nothing to copy here, and the events fill the table.
do $$
begin
    if to_regclass('identity.users') is not null then
        insert into notifications.recipients (user_id, email, full_name, phone, role, email_verified, deleted_at, as_of)
        select id,
               case when deleted_at is null then email end,
               case when deleted_at is null then full_name end,
               case when deleted_at is null then phone end,
               role, email_verified_at is not null, deleted_at, now()
        from identity.users
        on conflict (user_id) do nothing;
    end if;
end $$;
