-- Every email Synovia sends, with its delivery state, so staff can see what went and what failed.
create table outbound_email (
    id             uuid primary key,
    recipient      varchar(254)  not null,
    subject        varchar(200)  not null,
    body           text          not null,
    patient_id     uuid,
    purpose        varchar(60)   not null,
    status         varchar(16)   not null check (status in ('QUEUED', 'SENT', 'FAILED')),
    attempts       int           not null default 0,
    last_error     varchar(1000),
    created_at     timestamptz   not null,
    sent_at        timestamptz,
    next_attempt_at timestamptz  not null
);
create index outbound_email_due on outbound_email (status, next_attempt_at);
