-- Sign-in with an OpenID Connect provider. An account is linked to a provider's identity by the
-- issuer and the subject of its ID tokens, never by the email address, which the provider's user
-- may change: a later sign-in finds the account by this pair alone.
create table identity.provider_links (
    issuer       text        not null,
    subject      text        not null,
    user_id      uuid        not null references identity.users (id),
    registration text        not null,
    email        text,
    linked_at    timestamptz not null,
    primary key (issuer, subject)
);

create index provider_links_user on identity.provider_links (user_id);

-- The one-time code a provider sign-in hands to the browser (or to the app it returns to), traded
-- once, within a minute, for Waybill's own tokens: the tokens themselves never travel in a URL.
alter table identity.account_tokens drop constraint account_tokens_purpose_check;
alter table identity.account_tokens add constraint account_tokens_purpose_check
    check (purpose in ('verify_email', 'reset_password', 'provider_sign_in'));
