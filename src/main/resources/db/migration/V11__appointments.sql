-- Appointments. No double booking is guaranteed here, not only in Java: two active (BOOKED) appointments
-- can never overlap in time in the same room, or for the same operator (exclusion constraints, SQLState
-- 23P01 on violation), and a referral has at most one active appointment.
create extension if not exists btree_gist;

create table appointment (
    id           uuid primary key,
    referral_id  uuid          not null references referral (id),
    patient_id   uuid          not null references patient (id),
    slot_id      uuid          not null references slot (id),
    room_id      uuid          not null references room (id),
    operator_id  uuid          not null references operator (id),
    during       tstzrange     not null check (not isempty(during)),
    status       varchar(16)   not null check (status in ('BOOKED', 'CANCELLED', 'RESCHEDULED', 'DID_NOT_ATTEND')),
    medication_plan text,
    booked_at    timestamptz   not null,
    booked_by    varchar(64)   not null,
    ended_at     timestamptz,
    ended_by     varchar(64),
    end_reason   varchar(1000),
    replaced_by  uuid references appointment (id),
    constraint appointment_room_not_double_booked
        exclude using gist (room_id with =, during with &&) where (status = 'BOOKED'),
    constraint appointment_operator_not_double_booked
        exclude using gist (operator_id with =, during with &&) where (status = 'BOOKED')
);
create unique index appointment_one_active_per_referral on appointment (referral_id) where status = 'BOOKED';
create index appointment_slot on appointment (slot_id) where status = 'BOOKED';
create index appointment_patient on appointment (patient_id);

-- Every change to an appointment: who, when, what and why.
create table appointment_change (
    id             bigint generated always as identity primary key,
    appointment_id uuid          not null references appointment (id),
    action         varchar(20)   not null,
    occurred_at    timestamptz   not null,
    changed_by     varchar(64)   not null,
    reason         varchar(1000)
);
create index appointment_change_appointment on appointment_change (appointment_id, occurred_at);
