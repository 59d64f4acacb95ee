-- A vetted request sent to the patient as a link to choose their own slot. Only a hash of the token is kept;
-- the link works once, until it expires, and only while the referral is waiting.
create table booking_invitation (
    id             uuid primary key,
    referral_id    uuid          not null references referral (id),
    patient_id     uuid          not null references patient (id),
    token_hash     varchar(64) unique,
    created_at     timestamptz   not null,
    created_by     varchar(64)   not null,
    expires_at     timestamptz   not null,
    used_at        timestamptz,
    appointment_id uuid references appointment (id)
);
create index booking_invitation_referral on booking_invitation (referral_id, created_at);
