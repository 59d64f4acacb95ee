-- What was done, as the operator records it. A draft may be saved again; once signed, the row and its drugs
-- are never changed: the triggers below refuse it, whatever the code does. Later changes are addenda.
create table procedure_record (
    appointment_id        uuid          primary key references appointment (id),
    referral_id           uuid          not null references referral (id),
    patient_id            uuid          not null references patient (id),
    operator              varchar(200)  not null,
    assistant             varchar(200),
    guidance              varchar(16)   not null,
    approach              varchar(200),
    needle                varchar(200)  not null,
    aspirate_ml           numeric(6, 1),
    aspirate_appearance   varchar(200),
    aspirate_sent_for     varchar(200),
    contrast_used         boolean       not null,
    needle_tip_confirmed  boolean       not null,
    key_images            integer       not null check (key_images >= 0),
    study_instance_uid    varchar(64),
    dap_gy_cm2            numeric(10, 3),
    screening_seconds     integer,
    dlp_mgy_cm            numeric(10, 1),
    ctdivol_mgy           numeric(10, 2),
    pain_before           integer       not null check (pain_before between 0 and 10),
    pain_after            integer       check (pain_after between 0 and 10),
    pain_after_minutes    integer       check (pain_after_minutes > 0),
    complications         varchar(2000) not null,
    aftercare_given       boolean       not null,
    saved_at              timestamptz   not null,
    saved_by              varchar(64)   not null,
    signed_at             timestamptz,
    signed_by             varchar(64),
    check ((signed_at is null) = (signed_by is null))
);

create table procedure_drug (
    appointment_id uuid          not null references procedure_record (appointment_id),
    position       integer       not null,
    product        varchar(200)  not null,
    dose           varchar(40)   not null,
    volume_ml      numeric(6, 2) not null,
    batch          varchar(40)   not null,
    expiry         date          not null,
    route          varchar(60)   not null,
    site           varchar(200)  not null,
    primary key (appointment_id, position)
);

create table procedure_addendum (
    id             uuid          primary key,
    appointment_id uuid          not null references procedure_record (appointment_id),
    text           varchar(4000) not null,
    reason         varchar(1000) not null,
    added_at       timestamptz   not null,
    added_by       varchar(64)   not null
);
create index procedure_addendum_record on procedure_addendum (appointment_id, added_at);

create function refuse_change_to_signed_record() returns trigger language plpgsql as $$
begin
    if old.signed_at is not null then
        raise exception 'procedure record % is signed; add an addendum instead', old.appointment_id
            using errcode = 'P0001';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;

create trigger procedure_record_signed_is_final before update or delete on procedure_record
    for each row execute function refuse_change_to_signed_record();

create function refuse_change_to_signed_drugs() returns trigger language plpgsql as $$
begin
    if exists (select 1 from procedure_record r where r.signed_at is not null
               and r.appointment_id = coalesce(new.appointment_id, old.appointment_id)) then
        raise exception 'procedure record is signed; add an addendum instead' using errcode = 'P0001';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;

create trigger procedure_drug_signed_is_final before insert or update or delete on procedure_drug
    for each row execute function refuse_change_to_signed_drugs();

create function refuse_change_to_addendum() returns trigger language plpgsql as $$
begin
    raise exception 'an addendum is never changed' using errcode = 'P0001';
end $$;

create trigger procedure_addendum_is_final before update or delete on procedure_addendum
    for each row execute function refuse_change_to_addendum();
