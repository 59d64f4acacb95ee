-- One row per appointment and kind of reminder, so that a reminder is decided (sent or skipped) once and
-- never sent twice, even when two instances run the job at the same moment.
create table reminder (
    id             uuid primary key,
    appointment_id uuid          not null references appointment (id),
    kind           varchar(40)   not null,
    status         varchar(16)   not null check (status in ('QUEUED', 'SKIPPED')),
    email_id       uuid references outbound_email (id),
    due_at         timestamptz   not null,
    decided_at     timestamptz   not null,
    note           varchar(500),
    unique (appointment_id, kind)
);
