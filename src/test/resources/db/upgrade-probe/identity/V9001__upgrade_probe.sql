-- Test only (ModuleMigrationsIT): a module migration newer than the single history of before.
create table identity.upgrade_probe (id integer primary key);
insert into identity.upgrade_probe values (1);
