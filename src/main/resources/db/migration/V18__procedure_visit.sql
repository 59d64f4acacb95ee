-- The patient's progress through the procedure day, one row per appointment once they arrive. Booked and
-- did-not-attend stay on the appointment; this row starts at check-in, which confirmed two identifiers.
create table procedure_visit (
    appointment_id  uuid          primary key references appointment (id),
    referral_id     uuid          not null references referral (id),
    patient_id      uuid          not null references patient (id),
    status          varchar(16)   not null check (status in ('ARRIVED', 'IN_ROOM', 'DONE')),
    arrived_at      timestamptz   not null,
    arrived_by      varchar(64)   not null,
    identified_by   varchar(200)  not null,
    in_room_at      timestamptz,
    in_room_by      varchar(64)
);
create index procedure_visit_patient on procedure_visit (patient_id);
