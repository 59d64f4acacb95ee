-- The patient's consent: the exact text shown (versioned, with its SHA-256), who took it and when. One per
-- appointment; never changed once written.
create table consent (
    appointment_id uuid          primary key references appointment (id),
    patient_id     uuid          not null references patient (id),
    text_version   varchar(20)   not null,
    shown_text     text          not null,
    text_sha256    char(64)      not null,
    taken_at       timestamptz   not null,
    taken_by       varchar(64)   not null
);
