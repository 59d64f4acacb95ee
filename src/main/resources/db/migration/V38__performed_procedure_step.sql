-- Modality Performed Procedure Steps (MPPS, ADR 0025): what a machine reports it started, finished or
-- abandoned, linked to the appointment by the accession number the worklist gave it.
create table performed_step (
    sop_instance_uid  varchar(64) primary key,
    appointment_id    uuid references appointment (id),
    accession_number  varchar(16),
    status            varchar(16) not null check (status in ('IN PROGRESS', 'COMPLETED', 'DISCONTINUED')),
    modality          varchar(16),
    station_ae_title  varchar(16) not null,
    started_at        timestamptz not null,
    ended_at          timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);

create index performed_step_appointment on performed_step (appointment_id);
