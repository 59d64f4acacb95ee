-- Staff accounts and their roles. Passwords are stored only as delegating-encoder hashes.
create table user_account (
    username       varchar(64)  primary key,
    display_name   varchar(120) not null,
    email          varchar(254),
    organisation   varchar(160),
    password_hash  varchar(200) not null,
    enabled        boolean      not null default true,
    created_at     timestamptz  not null default now(),
    created_by     varchar(64)  not null
);

create table user_role (
    username  varchar(64) not null references user_account (username),
    role      varchar(20) not null check (role in ('REFERRER', 'RADIOLOGIST', 'NURSE', 'BOOKING', 'ADMIN')),
    primary key (username, role)
);
