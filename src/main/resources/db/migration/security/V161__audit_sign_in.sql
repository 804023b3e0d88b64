-- Sign-ins with an identity provider are audited too (kind 'sign_in'), with the account and the provider.
alter table audit.events drop constraint events_kind_check;
alter table audit.events add constraint events_kind_check
    check (kind in ('admin_action', 'refusal', 'sign_in'));
