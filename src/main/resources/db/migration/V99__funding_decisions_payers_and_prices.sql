-- Funding is a decision record, not a label (issue 17, ADR 0072). The waiting-list entry keeps what vetting found
-- (funding_status: funded, prior approval or an individual funding request) and who pays; each decision on it is a
-- new row, never changed: the latest one for the entry's payer is the one that counts.
alter table waiting_list_entry
    add column payer        varchar(16)  not null default 'NHS' check (payer in ('NHS', 'SELF_PAY', 'INSURER')),
    add column insurer_name varchar(200),
    add constraint waiting_list_insurer_named check (payer <> 'INSURER' or insurer_name is not null);

create table funding_decision (
    id           uuid          primary key,
    -- the order decisions were recorded in, so the latest is certain even within one clock tick
    seq          bigint        generated always as identity unique,
    referral_id  uuid          not null references waiting_list_entry (referral_id),
    patient_id   uuid          not null references patient (id),
    -- the payer the decision was made by: a decision for another payer does not clear the entry
    payer        varchar(16)   not null check (payer in ('NHS', 'SELF_PAY', 'INSURER')),
    outcome      varchar(16)   not null check (outcome in ('APPROVED', 'REFUSED')),
    -- the commissioner's approval or IFR reference, or the insurer's authorisation number
    reference    varchar(100),
    decided_on   date          not null,
    expires_on   date,
    reason       varchar(1000),
    recorded_at  timestamptz   not null,
    recorded_by  varchar(64)   not null,
    constraint funding_approval_has_reference check (outcome <> 'APPROVED' or reference is not null),
    constraint funding_refusal_has_reason check (outcome <> 'REFUSED' or reason is not null),
    constraint funding_expiry_after_decision check (expires_on is null or expires_on >= decided_on)
);
create index funding_decision_latest on funding_decision (referral_id, seq desc);

-- The price of a procedure for self-paying and insured patients, in pence: each change is a new row from a date,
-- so a letter or an invoice can say what the price was when the patient was told.
create table procedure_price (
    id            uuid          primary key,
    seq           bigint        generated always as identity unique,
    site_code     varchar(40)   not null references injection_site (code),
    guidance      varchar(16)   not null,
    pence         bigint        not null check (pence >= 0),
    valid_from    timestamptz   not null,
    recorded_by   varchar(64)   not null,
    note          varchar(500)
);
create index procedure_price_latest on procedure_price (site_code, guidance, seq desc);

create function refuse_change_to_final_row() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: a later row supersedes, none is changed', tg_table_name using errcode = 'P0001';
end $$;
create trigger funding_decision_append_only before update or delete on funding_decision
    for each row execute function refuse_change_to_final_row();
create trigger procedure_price_append_only before update or delete on procedure_price
    for each row execute function refuse_change_to_final_row();

do $$
begin
    if exists (select from pg_roles where rolname = 'synovia_app') then
        revoke update, delete on funding_decision, procedure_price from synovia_app;
    end if;
end $$;
