-- Tenants, step 2 (issue 13): a day's figures are each tenant's own. Keyed by the day alone, a second
-- tenant's first count of a day would collide with the first tenant's row, which row-level security
-- hides from it; keyed by tenant and day, each tenant counts in rows of its own.
alter table reporting.daily_totals drop constraint daily_totals_pkey, add primary key (tenant_id, day);
alter table reporting.daily_status drop constraint daily_status_pkey, add primary key (tenant_id, day, status);
alter table reporting.delivery_durations drop constraint delivery_durations_pkey,
    add primary key (tenant_id, day, bucket);
alter table reporting.daily_failures drop constraint daily_failures_pkey, add primary key (tenant_id, day, reason);
