-- The NatSSIPs checklist (facts NS-03..05): one row per step confirmed, with the exact items confirmed, who
-- and when; a step is never confirmed twice. Discrepancies stop the procedure until resolved, and keep who
-- raised and who resolved them, when and why.
create table checklist_confirmation (
    appointment_id uuid          not null references appointment (id),
    step           varchar(16)   not null check (step in ('SIGN_IN', 'TIME_OUT', 'SIGN_OUT')),
    items          text          not null,
    confirmed_at   timestamptz   not null,
    confirmed_by   varchar(64)   not null,
    primary key (appointment_id, step)
);

create table checklist_discrepancy (
    id             uuid          primary key,
    appointment_id uuid          not null references appointment (id),
    step           varchar(16)   not null check (step in ('SIGN_IN', 'TIME_OUT', 'SIGN_OUT')),
    description    varchar(1000) not null,
    raised_at      timestamptz   not null,
    raised_by      varchar(64)   not null,
    resolution     varchar(1000),
    resolved_at    timestamptz,
    resolved_by    varchar(64),
    check ((resolution is null) = (resolved_at is null) and (resolved_at is null) = (resolved_by is null))
);
create index checklist_discrepancy_appointment on checklist_discrepancy (appointment_id);
