-- Tenants (issue 13): the network module's tables belong to tenants, under row-level security
-- (eventing.enable_tenancy, V150, says what that means).
select eventing.enable_tenancy('network');
