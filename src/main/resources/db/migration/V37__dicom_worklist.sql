-- DICOM modality worklist (ADR 0025): the AE title of the modality in each room, and the numbers a
-- scheduled step keeps once a modality has seen it (accession number, Study Instance UID).
create table dicom_station (
    room_id    uuid primary key references room (id),
    ae_title   varchar(16) not null unique,
    set_at     timestamptz not null,
    set_by     text        not null
);

create sequence worklist_accession_seq;

create table worklist_step (
    appointment_id      uuid primary key references appointment (id),
    accession_number    varchar(16) not null unique,
    study_instance_uid  varchar(64) not null unique,
    created_at          timestamptz not null
);
