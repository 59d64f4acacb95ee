create table patient (
    id               uuid primary key,
    nhs_number       char(10) unique,
    hospital_number  varchar(20) unique,
    family_name      varchar(80)  not null,
    given_name       varchar(80)  not null,
    date_of_birth    date         not null,
    sex              varchar(16)  not null,
    mobile           varchar(20),
    email            varchar(254),
    gp_name          varchar(120),
    gp_practice      varchar(160),
    created_at       timestamptz  not null,
    created_by       varchar(64)  not null,
    constraint patient_has_identifier check (nhs_number is not null or hospital_number is not null)
);

create index patient_name_dob on patient (lower(family_name), lower(given_name), date_of_birth);
create index patient_dob on patient (date_of_birth);
