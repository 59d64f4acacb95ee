-- Every report sent is kept: version 1 at signing, then one amended version per addendum, each with the PDF
-- exactly as sent. A report version is never changed or removed.
alter table procedure_report drop constraint procedure_report_pkey;
alter table procedure_report add column version integer not null default 1 check (version >= 1),
    add column addendum_id uuid references procedure_addendum (id),
    add column pdf bytea,
    add primary key (appointment_id, version),
    add check ((version = 1) = (addendum_id is null));
alter table procedure_report alter column version drop default;

create function refuse_change_to_report() returns trigger language plpgsql as $$
begin
    raise exception 'a report as sent is never changed; an addendum sends an amended version' using errcode = 'P0001';
end $$;

create trigger procedure_report_is_final before update or delete on procedure_report
    for each row execute function refuse_change_to_report();

-- The patient refused consent, or withdrew it: who, when, why, and the exact text they were shown. The
-- procedure stops there; the visit shows it.
create table consent_refusal (
    appointment_id uuid          primary key references appointment (id),
    patient_id     uuid          not null references patient (id),
    kind           varchar(16)   not null check (kind in ('REFUSED', 'WITHDRAWN')),
    reason         varchar(1000) not null,
    text_version   varchar(20)   not null,
    shown_text     text          not null,
    text_sha256    char(64)      not null,
    recorded_at    timestamptz   not null,
    recorded_by    varchar(64)   not null
);

alter table procedure_visit drop constraint procedure_visit_status_check;
alter table procedure_visit alter column status type varchar(20);
alter table procedure_visit add constraint procedure_visit_status_check
    check (status in ('ARRIVED', 'IN_ROOM', 'DONE', 'CONSENT_REFUSED', 'CONSENT_WITHDRAWN'));
