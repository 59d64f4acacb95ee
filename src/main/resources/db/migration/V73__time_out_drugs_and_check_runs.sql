-- The time-out runs the engine with the drugs about to be given, typed (issue 12 §3, ADR 0043). A time-out held by
-- a finding runs again when the drugs change, so a step may now have several runs, numbered from 1; each run, its
-- findings, its decisions and its drugs are kept and never changed. Rows written before this migration are run 1.
alter table day_safety_finding drop constraint day_safety_finding_appointment_id_step_fkey;
alter table day_safety_decision drop constraint day_safety_decision_appointment_id_step_fkey;

alter table day_safety_check add column run integer not null default 1 check (run >= 1);
alter table day_safety_check drop constraint day_safety_check_pkey;
alter table day_safety_check add primary key (appointment_id, step, run);

alter table day_safety_finding add column run integer not null default 1;
alter table day_safety_finding drop constraint day_safety_finding_pkey;
alter table day_safety_finding add primary key (appointment_id, step, run, position);
alter table day_safety_finding add foreign key (appointment_id, step, run)
    references day_safety_check (appointment_id, step, run);

alter table day_safety_decision add column run integer not null default 1;
alter table day_safety_decision drop constraint day_safety_decision_pkey;
alter table day_safety_decision add primary key (appointment_id, step, run, rule_id);
alter table day_safety_decision add foreign key (appointment_id, step, run)
    references day_safety_check (appointment_id, step, run);

-- The drugs each run checked, as values: the agent, the dose in mg (corticosteroids, hyaluronan), the strength in %
-- (local anaesthetics) and the volume in mL. At sign-in they are the accepted protocol's; at time-out what the team
-- confirmed, which the procedure record then starts from.
create table day_safety_drug (
    appointment_id    uuid          not null,
    step              varchar(16)   not null,
    run               integer       not null,
    position          integer       not null,
    agent             varchar(32)   not null check (agent in ('METHYLPREDNISOLONE_ACETATE', 'TRIAMCINOLONE_ACETONIDE',
                          'TRIAMCINOLONE_HEXACETONIDE', 'PREDNISOLONE_ACETATE', 'HYDROCORTISONE_ACETATE', 'DEXAMETHASONE',
                          'LIDOCAINE', 'BUPIVACAINE', 'LEVOBUPIVACAINE', 'HYALURONAN')),
    dose_mg           numeric(7, 2) check (dose_mg > 0),
    strength_percent  numeric(4, 2) check (strength_percent > 0 and strength_percent <= 10),
    volume_ml         numeric(5, 2) check (volume_ml > 0 and volume_ml <= 30),
    primary key (appointment_id, step, run, position),
    foreign key (appointment_id, step, run) references day_safety_check (appointment_id, step, run)
);

create trigger day_safety_drug_is_final before update or delete on day_safety_drug
    for each row execute function refuse_change_to_day_safety();
