-- What sign-in measures, as values (issue 12 §3): temperature, capillary glucose, blood pressure, the day's INR
-- with its time, and the state of the target (yes / no / not known). A measurement is never changed: taking
-- it again adds a row, and the latest row is the one the engine reads.
create table procedure_observation (
    id                  uuid          primary key,
    appointment_id      uuid          not null references procedure_visit (appointment_id),
    patient_id          uuid          not null references patient (id),
    measured_at         timestamptz   not null,
    temperature_celsius numeric(3, 1) check (temperature_celsius between 30 and 44),
    glucose_mmol_per_l  numeric(3, 1) check (glucose_mmol_per_l between 0.5 and 60),
    systolic_mmhg       integer       check (systolic_mmhg between 50 and 300),
    diastolic_mmhg      integer       check (diastolic_mmhg between 20 and 200),
    inr                 numeric(4, 2) check (inr between 0.5 and 15),
    inr_measured_at     timestamptz,
    target_hot          varchar(9)    not null check (target_hot in ('YES', 'NO', 'NOT_KNOWN')),
    target_swollen      varchar(9)    not null check (target_swollen in ('YES', 'NO', 'NOT_KNOWN')),
    target_red          varchar(9)    not null check (target_red in ('YES', 'NO', 'NOT_KNOWN')),
    recorded_at         timestamptz   not null,
    recorded_by         varchar(64)   not null,
    check ((inr is null) = (inr_measured_at is null))
);
create index procedure_observation_visit on procedure_observation (appointment_id, recorded_at);

-- The engine's answer at sign-in and at time-out with the day's values and the drugs about to be given, stored
-- with the step (who, when), one row per finding in the engine's own words and sources.
create table day_safety_check (
    appointment_id  uuid         not null references procedure_visit (appointment_id),
    step            varchar(16)  not null check (step in ('SIGN_IN', 'TIME_OUT')),
    observation_id  uuid         references procedure_observation (id),
    highest         varchar(4)   not null check (highest in ('INFO', 'WARN', 'STOP')),
    drugs           varchar(1000) not null,
    checked_at      timestamptz  not null,
    checked_by      varchar(64)  not null,
    primary key (appointment_id, step)
);

create table day_safety_finding (
    appointment_id          uuid          not null,
    step                    varchar(16)   not null,
    position                integer       not null,
    rule_id                 varchar(16)   not null,
    rule_name               varchar(200)  not null,
    severity                varchar(4)    not null check (severity in ('INFO', 'WARN', 'STOP')),
    message                 text          not null,
    sources                 text          not null,
    justification_required  boolean       not null,
    needs_decision          boolean       not null,
    primary key (appointment_id, step, position),
    foreign key (appointment_id, step) references day_safety_check (appointment_id, step)
);

-- A clinician's decision on a finding that needs one: a STOP overridden with a reason, or a review finding
-- (no guideline threshold) decided either way. Never changed; one per finding and step.
create table day_safety_decision (
    appointment_id  uuid          not null,
    step            varchar(16)   not null,
    rule_id         varchar(16)   not null,
    decision        varchar(8)    not null check (decision in ('OVERRIDE', 'PROCEED', 'DEFER')),
    reason          varchar(1000) not null,
    decided_at      timestamptz   not null,
    decided_by      varchar(64)   not null,
    primary key (appointment_id, step, rule_id),
    foreign key (appointment_id, step) references day_safety_check (appointment_id, step)
);

-- A suspected septic joint found on the day: no steroid, the urgent pathway instead. Who started it and
-- whom it emailed, then what was done instead (e.g. aspirated and sent for culture), with who and when.
create table urgent_pathway (
    appointment_id   uuid          primary key references procedure_visit (appointment_id),
    patient_id       uuid          not null references patient (id),
    reason           text          not null,
    started_at       timestamptz   not null,
    started_by       varchar(64)   not null,
    on_call_email    varchar(320),
    referrer_email   varchar(320),
    done_instead     varchar(1000),
    done_instead_at  timestamptz,
    done_instead_by  varchar(64),
    check ((done_instead is null) = (done_instead_at is null))
);

-- The surgeon of a planned joint replacement told (or not, when the referral gives no email) that an injection
-- falls within the minimum interval before it: once per referral.
create table surgeon_notice (
    referral_id    uuid          primary key references referral (id),
    appointment_id uuid,
    stage          varchar(16)   not null check (stage in ('VETTING', 'SIGN_IN', 'TIME_OUT')),
    surgeon_name   varchar(200),
    surgeon_email  varchar(320),
    finding        text          not null,
    noticed_at     timestamptz   not null,
    noticed_by     varchar(64)   not null
);

create function refuse_change_to_day_safety() returns trigger language plpgsql as $$
begin
    raise exception 'day observations, safety checks and decisions are never changed; record them again'
        using errcode = 'P0001';
end $$;

create trigger procedure_observation_is_final before update or delete on procedure_observation
    for each row execute function refuse_change_to_day_safety();
create trigger day_safety_check_is_final before update or delete on day_safety_check
    for each row execute function refuse_change_to_day_safety();
create trigger day_safety_finding_is_final before update or delete on day_safety_finding
    for each row execute function refuse_change_to_day_safety();
create trigger day_safety_decision_is_final before update or delete on day_safety_decision
    for each row execute function refuse_change_to_day_safety();
