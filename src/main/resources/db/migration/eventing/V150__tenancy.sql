-- Tenants (issue 13): every row of every table belongs to a tenant, and PostgreSQL's row-level
-- security keeps a connection to the rows of the tenant it is set to (app.tenant_id). The
-- application's connections run as waybill_app, a plain role that owns nothing and cannot bypass
-- the policies; migrations keep running as the owner. Eventing migrates first in every process and
-- in every service database of a split deployment, so the function each module's migration calls
-- lives here.

-- The application's role: it logs in through the owner's connections (SET ROLE), never itself.
-- Roles belong to the cluster, so another database may have made it already, even at this moment.
do $$
begin
    if not exists (select from pg_roles where rolname = 'waybill_app') then
        begin
            create role waybill_app nologin nosuperuser nocreatedb nocreaterole nobypassrls;
        exception when duplicate_object or unique_violation then
            null;
        end;
    end if;
end $$;

do $$
begin
    if not pg_has_role(current_user, 'waybill_app', 'MEMBER') then
        execute format('grant waybill_app to %I', current_user);
    end if;
end $$;

-- Makes the tables of a schema tenants' tables, idempotently: a tenant_id column (existing rows go
-- to the default tenant; new rows take the connection's tenant, so no INSERT names it), row-level
-- security enabled and forced, one policy keeping reads and writes to the connection's tenant, and
-- the application role's privileges (also on the tables later migrations create). A connection
-- without a tenant sees no row and can write none. Flyway's history is the one table left alone.
create or replace function eventing.enable_tenancy(target_schema text) returns void
language plpgsql as $$
declare
    tenant_setting constant text := 'nullif(current_setting(''app.tenant_id'', true), '''')::uuid';
    default_tenant constant uuid := '00000000-0000-0000-0000-000000000001';
    t record;
begin
    -- Two processes starting together must not both add the same column.
    perform pg_advisory_xact_lock(hashtext('waybill.enable_tenancy'), hashtext(target_schema));

    execute format('grant usage on schema %I to waybill_app', target_schema);
    execute format('grant select, insert, update, delete on all tables in schema %I to waybill_app', target_schema);
    execute format('grant usage, select on all sequences in schema %I to waybill_app', target_schema);
    execute format('grant execute on all functions in schema %I to waybill_app', target_schema);
    execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to waybill_app',
                   target_schema);
    execute format('alter default privileges in schema %I grant usage, select on sequences to waybill_app', target_schema);

    for t in
        select c.oid, c.relname, c.relrowsecurity, c.relforcerowsecurity
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = target_schema and c.relkind in ('r', 'p')
          and c.relname not like 'flyway\_schema\_history%'
        order by c.relispartition, c.relname
    loop
        if not exists (select from pg_attribute
                       where attrelid = t.oid and attname = 'tenant_id' and not attisdropped) then
            -- A constant default fills the existing rows without rewriting the table.
            execute format('alter table %I.%I add column tenant_id uuid not null default %L',
                           target_schema, t.relname, default_tenant);
        end if;
        if not exists (select from pg_attrdef d join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
                       where d.adrelid = t.oid and a.attname = 'tenant_id'
                         and pg_get_expr(d.adbin, d.adrelid) like '%app.tenant_id%') then
            execute format('alter table %I.%I alter column tenant_id set default %s',
                           target_schema, t.relname, tenant_setting);
        end if;
        if not t.relrowsecurity then
            execute format('alter table %I.%I enable row level security', target_schema, t.relname);
        end if;
        if not t.relforcerowsecurity then
            execute format('alter table %I.%I force row level security', target_schema, t.relname);
        end if;
        if not exists (select from pg_policy where polrelid = t.oid and polname = 'tenant_isolation') then
            execute format('create policy tenant_isolation on %I.%I using (tenant_id = %s) with check (tenant_id = %s)',
                           target_schema, t.relname, tenant_setting, tenant_setting);
        end if;
    end loop;
end $$;

select eventing.enable_tenancy('eventing');
