-- Issue 15: an optional second factor (TOTP, RFC 6238) for staff. The secret is stored encrypted (AES-256-GCM with a
-- key kept in an owner-only file outside the database, ADR 0061): a copy of the database alone gives no codes.
-- confirmed_at stays null until the person proves with a code that their app reads the secret; only then is the
-- second factor asked at sign-in. last_used_step is the newest 30-second step whose code was accepted: a code is
-- never taken twice.
create table account_second_factor (
    username        varchar(64) primary key references user_account (username),
    secret          bytea       not null,
    created_at      timestamptz not null,
    confirmed_at    timestamptz,
    last_used_step  bigint      not null default 0
);
