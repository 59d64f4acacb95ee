-- The patient's diary after an injection (issue 7). An episode starts when the procedure record is signed;
-- the patient reaches it by a secret link whose SHA-256 alone is kept. Entries are the patient's own record
-- and are never changed once written. The outcome generator writes diary_episode and diary_entry directly,
-- so their names and columns are a contract.
create table diary_episode (
    id                       uuid         primary key,
    appointment_id           uuid         not null unique references procedure_record (appointment_id),
    referral_id              uuid         not null references referral (id),
    patient_id               uuid         not null references patient (id),
    intent                   varchar(16)  not null check (intent in ('DIAGNOSTIC', 'THERAPEUTIC')),
    injected_at              timestamptz  not null,
    baseline_pain            integer      not null check (baseline_pain between 0 and 10),
    -- 50 by default, 80 for a dual medial branch block where local policy says so (facts §7, DX-01/02)
    relief_threshold_percent integer      not null,
    token_hash               bytea        not null unique,
    expires_at               timestamptz  not null,
    started_at               timestamptz  not null,
    closed_at                timestamptz,
    -- glucose readings are asked on days 1-7 only of patients with diabetes (facts AF-07, CX-09)
    diabetic                 boolean      not null default false
);

create table diary_entry (
    id              uuid          primary key,
    episode_id      uuid          not null references diary_episode (id),
    time_point      varchar(8)    not null,
    minutes_after   integer       not null check (minutes_after >= 0),
    recorded_at     timestamptz   not null,
    pain_now        integer       not null check (pain_now between 0 and 10),
    pain_worst_day  integer       check (pain_worst_day between 0 and 10),
    pgic            integer       check (pgic between 1 and 7),
    side_effects    varchar(200)  not null default '',
    glucose_mmol_l  numeric(4, 1),
    red_flags       varchar(200)  not null default '',
    unique (episode_id, time_point)
);
create index diary_entry_episode_time on diary_entry (episode_id, minutes_after);

-- Further links to the same episode, sent in reminders (the first is diary_episode.token_hash); each is the
-- SHA-256 of a token, and each expires with its episode.
create table diary_link (
    token_hash  bytea        primary key,
    episode_id  uuid         not null references diary_episode (id),
    issued_at   timestamptz  not null
);

-- A red flag the patient reported, on the team's worklist until someone acknowledges it with what they did.
create table diary_alert (
    id               uuid          primary key,
    episode_id       uuid          not null references diary_episode (id),
    entry_id         uuid          not null unique references diary_entry (id),
    red_flags        varchar(200)  not null,
    raised_at        timestamptz   not null,
    acknowledged_at  timestamptz,
    acknowledged_by  varchar(64),
    action_taken     varchar(1000),
    check ((acknowledged_at is null) = (acknowledged_by is null)),
    check ((acknowledged_at is null) = (action_taken is null))
);
create index diary_alert_open on diary_alert (raised_at) where acknowledged_at is null;

-- One reminder per time point, so that a patient is never reminded twice of the same entry.
create table diary_reminder (
    episode_id  uuid        not null references diary_episode (id),
    time_point  varchar(8)  not null,
    sent_at     timestamptz not null,
    primary key (episode_id, time_point)
);

-- The summary sent to the referrer, stored as sent.
create table diary_summary (
    episode_id    uuid          primary key references diary_episode (id),
    summary_text  text          not null,
    written_at    timestamptz   not null,
    sent_to       varchar(320)
);

create function refuse_change_to_diary_entry() returns trigger language plpgsql as $$
begin
    raise exception 'a diary entry is the patient''s own record and is never changed' using errcode = 'P0001';
end $$;

-- Updates are refused; deletion stays possible so that a demo database can be emptied and filled again.
create trigger diary_entry_is_final before update on diary_entry
    for each row execute function refuse_change_to_diary_entry();
