-- A referral for an image-guided injection, as the referrer submitted it. Lists (treatments
-- tried, previous injections, antithrombotics, allergies) are child rows; nothing is deleted:
-- a referral ends as withdrawn, rejected or done.
create table referral (
    id                     uuid primary key,
    submission_key         uuid         not null unique,
    patient_id             uuid         not null references patient (id),
    site_code              varchar(40)  not null references injection_site (code),
    laterality             varchar(16)  not null,
    spinal_level           varchar(20),
    intent                 varchar(16)  not null,
    indication             varchar(24)  not null,
    indication_detail      varchar(500),
    clinical_question      varchar(2000) not null,
    other_medicines        varchar(2000),
    no_known_allergies     boolean      not null,
    diabetes               varchar(16)  not null,
    diabetes_on_insulin    boolean      not null,
    hba1c_mmol_per_mol     int,
    prosthetic_joint_at_site boolean    not null,
    infection_at_site      boolean      not null,
    systemic_infection     boolean      not null,
    pregnancy              varchar(20)  not null,
    weight_kg              numeric(5,1),
    creatinine_umol_per_l  int,
    egfr                   int,
    renal_test_date        date,
    urgency                varchar(16)  not null,
    referrer_name          varchar(120) not null,
    referrer_role          varchar(120),
    referrer_organisation  varchar(160) not null,
    referrer_phone         varchar(30),
    referrer_email         varchar(254),
    status                 varchar(32)  not null,
    status_reason          varchar(1000),
    status_changed_at      timestamptz  not null,
    status_changed_by      varchar(64)  not null,
    submitted_at           timestamptz  not null,
    submitted_by           varchar(64)  not null references user_account (username)
);

create index referral_submitted_by on referral (submitted_by, submitted_at desc);
create index referral_status on referral (status, submitted_at);
create index referral_patient on referral (patient_id);

create table referral_treatment_tried (
    referral_id      uuid        not null references referral (id),
    position         int         not null,
    treatment        varchar(24) not null,
    duration_weeks   int,
    detail           varchar(500),
    primary key (referral_id, position)
);

create table referral_previous_injection (
    referral_id   uuid         not null references referral (id),
    position      int          not null,
    site_code     varchar(40)  not null references injection_site (code),
    laterality    varchar(16)  not null,
    injected_on   date         not null,
    drug          varchar(160) not null,
    primary key (referral_id, position)
);

create table referral_antithrombotic (
    referral_id   uuid         not null references referral (id),
    position      int          not null,
    drug          varchar(24)  not null,
    dose          varchar(40)  not null,
    frequency     varchar(16)  not null,
    dose_times    varchar(40),
    primary key (referral_id, position)
);

create table referral_allergy (
    referral_id   uuid         not null references referral (id),
    position      int          not null,
    category      varchar(24)  not null,
    agent         varchar(120),
    reaction      varchar(300) not null,
    primary key (referral_id, position)
);
