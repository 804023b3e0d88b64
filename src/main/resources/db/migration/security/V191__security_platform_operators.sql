-- Platform operators (issue 13, step 2) authenticate as any account does.
alter table security.accounts drop constraint accounts_role_check;
alter table security.accounts add constraint accounts_role_check
    check (role in ('customer', 'agent', 'admin', 'platform'));
