-- Every read and write of patient data. Append-only: the trigger refuses updates and deletes.
create table audit_event (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz  not null default now(),
    username     varchar(64)  not null,
    roles        varchar(120) not null,
    action       varchar(20)  not null,
    record_type  varchar(40)  not null,
    record_id    varchar(64),
    patient_id   uuid,
    remote_address varchar(64),
    details      varchar(1000)
);

create index audit_event_occurred_at on audit_event (occurred_at desc);
create index audit_event_patient on audit_event (patient_id, occurred_at desc);
create index audit_event_username on audit_event (username, occurred_at desc);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_append_only
    before update or delete or truncate on audit_event
    for each statement execute function audit_event_is_append_only();
