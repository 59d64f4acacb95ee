-- Every message to a patient goes by one channel (ADR 0075): email, text message (SMS) or a printed letter put in
-- the print queue. All three are stored in outbound_email, so that staff find every message in one place, open it
-- as sent and send it again. A printed letter is "sent" when staff mark its print batch printed.
alter table outbound_email add column channel varchar(8) not null default 'EMAIL'
    check (channel in ('EMAIL', 'SMS', 'LETTER'));
-- The record a message is about (appointment, booking invitation, diary episode), so a fresh link can be issued.
alter table outbound_email add column about_id uuid;
-- A message sent again is a new row naming the one it repeats.
alter table outbound_email add column resent_from uuid references outbound_email (id);
alter table outbound_email add column print_batch_id uuid;
create index outbound_email_patient on outbound_email (patient_id, created_at);
create index outbound_email_print_queue on outbound_email (created_at) where channel = 'LETTER' and status = 'QUEUED';

-- A set of queued letters printed together: one combined PDF, then marked printed by whom and when. The PDF holds
-- the patients' fresh links and codes, so it is kept only until the batch is marked printed (like a link, ADR 0054).
create table print_batch (
    id          uuid primary key,
    created_at  timestamptz  not null,
    created_by  varchar(64)  not null,
    letters     int          not null,
    pdf         bytea,
    printed_at  timestamptz,
    printed_by  varchar(64)
);
alter table outbound_email add constraint outbound_email_print_batch
    foreign key (print_batch_id) references print_batch (id);

-- How a patient wants to hear from the service; a patient without a row has no preference (email first).
create table contact_preference (
    patient_id         uuid primary key references patient (id),
    preferred_channel  varchar(8)   check (preferred_channel in ('EMAIL', 'SMS', 'LETTER')),
    opted_out          boolean      not null default false,
    changed_at         timestamptz  not null,
    changed_by         varchar(64)  not null
);

-- A booking link on paper is a short code the patient types; only its hash is kept, like the link's.
alter table booking_invitation add column code_hash varchar(64) unique;
