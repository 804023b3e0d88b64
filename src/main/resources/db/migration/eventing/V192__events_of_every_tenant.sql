-- Tenants, step 2 (issue 13): the relay and the in-process consumers carry every tenant's events.
-- They are the platform's machinery, not a tenant's work: their own rows (the relay's high-water mark,
-- the consumer groups' offsets) are the default tenant's, as every row made before tenants, and the
-- workers run as that tenant for them. The outbox's rows are each their own tenant's, so row-level
-- security would show the workers only the default tenant's events: these functions, run as their
-- owner, are how the workers read and stamp the events of all tenants. Each event is then handled as
-- its own tenant's work (the envelope's tenant_id), never as the worker's. Nothing of a request
-- reaches them: the application calls them from its workers only.

-- The oldest events not yet relayed.
create function eventing.unpublished_events(max_rows integer)
returns table (id bigint, event_key text, topic text, envelope text)
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select o.id, o.event_key, o.topic, o.envelope::text from eventing.outbox o
    where o.published_at is null order by o.id limit max_rows
$$;

-- Stamps relayed events with the positions that follow first_position, in the order given.
create function eventing.mark_published(ids bigint[], published timestamptz, first_position bigint)
returns integer
language sql security definer set search_path = pg_catalog, pg_temp as $$
    with stamped as (
        update eventing.outbox o set published_at = published, position = first_position + n.ordinality - 1
        from unnest(ids) with ordinality as n(id, ordinality) where o.id = n.id
        returning 1)
    select count(*)::integer from stamped
$$;

-- A consumer group's next events: positioned after its offset, up to the relay's high-water mark.
create function eventing.positioned_events(after_position bigint, up_to bigint, wanted text[], max_rows integer)
returns table (id bigint, "position" bigint, topic text, event_key text, envelope text)
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select o.id, o.position, o.topic, o.event_key, o.envelope::text from eventing.outbox o
    where o.position > after_position and o.position <= up_to and o.topic = any(wanted)
    order by o.position limit max_rows
$$;

-- How much is still under way: events not relayed, or (after_position given) not read by a group.
create function eventing.unpublished_count() returns bigint
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select count(*) from eventing.outbox where published_at is null
$$;

create function eventing.positioned_count(after_position bigint, wanted text[]) returns bigint
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select count(*) from eventing.outbox where position > after_position and topic = any(wanted)
$$;

-- When the oldest event not yet relayed happened (the relay's lag, for the metrics).
create function eventing.oldest_unpublished_at() returns timestamptz
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
    select occurred_at from eventing.outbox where published_at is null order by id limit 1
$$;

-- Removes what every group has read and every receipt older than the retention, of all tenants.
create function eventing.remove_handled_before(before timestamptz, read_by_all bigint)
returns table (events bigint, receipts bigint)
language plpgsql security definer set search_path = pg_catalog, pg_temp as $$
declare
    removed_events bigint;
    removed_receipts bigint;
begin
    delete from eventing.outbox where published_at < before and position <= coalesce(read_by_all, position);
    get diagnostics removed_events = row_count;
    delete from eventing.processed_events where processed_at < before;
    get diagnostics removed_receipts = row_count;
    -- Counts of attempts that later succeeded after a restart (the success could not clear them).
    delete from eventing.event_failures where last_failed_at < before;
    return query select removed_events, removed_receipts;
end $$;

revoke all on function eventing.unpublished_events(integer) from public;
revoke all on function eventing.mark_published(bigint[], timestamptz, bigint) from public;
revoke all on function eventing.positioned_events(bigint, bigint, text[], integer) from public;
revoke all on function eventing.unpublished_count() from public;
revoke all on function eventing.positioned_count(bigint, text[]) from public;
revoke all on function eventing.oldest_unpublished_at() from public;
revoke all on function eventing.remove_handled_before(timestamptz, bigint) from public;
grant execute on function eventing.unpublished_events(integer) to waybill_app;
grant execute on function eventing.mark_published(bigint[], timestamptz, bigint) to waybill_app;
grant execute on function eventing.positioned_events(bigint, bigint, text[], integer) to waybill_app;
grant execute on function eventing.unpublished_count() to waybill_app;
grant execute on function eventing.positioned_count(bigint, text[]) to waybill_app;
grant execute on function eventing.oldest_unpublished_at() to waybill_app;
grant execute on function eventing.remove_handled_before(timestamptz, bigint) to waybill_app;
