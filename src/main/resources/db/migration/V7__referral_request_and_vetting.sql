-- What the referrer asks to be injected, and facts the commissioning policies need.
alter table referral add column requested_injectate varchar(40) not null default 'CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC';
alter table referral add column radicular_pain boolean not null default false;
alter table referral add column referrer_setting varchar(40) not null default 'SECONDARY_CARE';

-- A question from the vetting radiologist and the referrer's answer.
create table referral_information_request (
    id            uuid primary key,
    referral_id   uuid          not null references referral (id),
    question      varchar(2000) not null,
    asked_by      varchar(64)   not null,
    asked_at      timestamptz   not null,
    answer        varchar(4000),
    answered_by   varchar(64),
    answered_at   timestamptz
);
create index referral_information_request_referral on referral_information_request (referral_id, asked_at);

-- Each vetting decision, kept for ever: who decided what, when and why.
create table vetting_decision (
    id                   uuid primary key,
    referral_id          uuid          not null references referral (id),
    outcome              varchar(24)   not null check (outcome in ('ACCEPTED', 'REJECTED', 'MORE_INFORMATION')),
    reason_code          varchar(40),
    reason_text          varchar(2000),
    guidance             varchar(20),
    approach             varchar(200),
    corticosteroid       varchar(60),
    corticosteroid_dose_mg numeric(6,1),
    local_anaesthetic    varchar(60),
    local_anaesthetic_ml numeric(5,1),
    contrast             boolean,
    operator_grade       varchar(40),
    named_operator       varchar(64),
    slot_minutes         int,
    priority             varchar(16),
    one_stop_eligible    boolean,
    policy_set           varchar(40),
    policy_findings      varchar(4000),
    funding_status       varchar(32),
    safety_overrides     varchar(4000),
    decided_by           varchar(64)   not null,
    decided_at           timestamptz   not null
);
create index vetting_decision_referral on vetting_decision (referral_id, decided_at);

-- The waiting list: one entry per accepted referral.
create table waiting_list_entry (
    referral_id        uuid primary key references referral (id),
    patient_id         uuid         not null references patient (id),
    site_code          varchar(40)  not null,
    guidance           varchar(20)  not null,
    priority           varchar(16)  not null,
    standard           varchar(16)  not null,
    clock_start        date         not null,
    target_weeks       int          not null,
    breach_date        date         not null,
    earliest_date      date,
    latest_date        date,
    date_constraints   varchar(2000),
    unavailable_from   date,
    unavailable_to     date,
    funding_status     varchar(32)  not null,
    operator_grade     varchar(40),
    one_stop_eligible  boolean      not null,
    added_at           timestamptz  not null,
    added_by           varchar(64)  not null,
    status             varchar(16)  not null default 'WAITING'
);
create index waiting_list_breach on waiting_list_entry (status, breach_date);
