-- Outcome analytics read model: one row per signed procedure with what the analytics page needs, so that the
-- page reads one narrow table instead of joining referrals, bookings, records and diaries on every view.
-- Filled from ProcedureCompleted and DiaryReadingUpdated, and rebuilt from the source tables on demand.
-- No names or identifiers of the patient: the page shows counts, rates and curves only.
create table outcome_fact (
    appointment_id        uuid          primary key,
    referral_id           uuid          not null,
    procedure_at          timestamptz   not null,
    procedure_date        date          not null,
    site_code             varchar(40)   not null,
    laterality            varchar(16)   not null,
    guidance              varchar(16)   not null,
    drug                  varchar(40)   not null,
    drug_class            varchar(24)   not null,
    operator              varchar(200)  not null,
    intent                varchar(16)   not null,
    referral_received_at  timestamptz   not null,
    vetted_at             timestamptz,
    booked_at             timestamptz   not null,
    waiting_standard      varchar(16),
    breach_date           date,
    breached              boolean       not null,
    complication          boolean       not null,
    red_flags             integer       not null default 0 check (red_flags >= 0),
    baseline_pain         integer       check (baseline_pain between 0 and 10),
    best_relief_percent   numeric(5, 1),
    diagnostic_positive   boolean,
    responder_6w          boolean,
    relief_days           integer       check (relief_days >= 0),
    relief_censored       boolean,
    diary_last_entry_at   timestamptz,
    refreshed_at          timestamptz   not null
);

-- Every query filters by period first.
create index outcome_fact_date on outcome_fact (procedure_date);
