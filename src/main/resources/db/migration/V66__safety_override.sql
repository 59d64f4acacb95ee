-- Every override of a safety STOP and every justification of a soft stop, with who (their role and grade
-- at the time), when and why. Append-only: a second override of the same finding is a new row (ADR 0035).
create table safety_override (
    id                  uuid primary key,
    referral_id         uuid          not null references referral (id),
    patient_id          uuid          not null,
    -- The acceptance (vetting decision) it applies to: recorded with it, or later when a STOP appears at booking.
    decision_id         uuid          not null,
    rule_id             varchar(20)   not null,
    rule_name           varchar(200),
    severity            varchar(10)   not null check (severity in ('STOP', 'WARN', 'INFO')),
    finding             text          not null,
    reason              varchar(1000) not null,
    overridden_by       varchar(64)   not null,
    overridden_by_name  varchar(120)  not null,
    role                varchar(20)   not null,
    grade               varchar(30),
    overridden_at       timestamptz   not null
);
create index safety_override_referral on safety_override (referral_id, overridden_at);

create function safety_override_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'safety_override is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger safety_override_append_only
    before update or delete or truncate on safety_override
    for each statement execute function safety_override_is_append_only();

-- Overrides made before this table were kept as lines "SAF-040 (STOP) accepted by user: reason" on the
-- decision; they become rows with no grade (none was recorded) and the first line of their reason.
insert into safety_override (id, referral_id, patient_id, decision_id, rule_id, rule_name, severity, finding, reason,
                             overridden_by, overridden_by_name, role, grade, overridden_at)
select gen_random_uuid(), d.referral_id, r.patient_id, d.id, m[1], null, m[2],
       'Recorded before findings were stored with their overrides.', left(m[4], 1000), m[3],
       coalesce(a.display_name, m[3]), 'RADIOLOGIST', null, d.decided_at
from vetting_decision d
join referral r on r.id = d.referral_id
cross join lateral regexp_matches(d.safety_overrides, '^(\S+) \((STOP|WARN|INFO)\) accepted by (\S+): (.*)$', 'gn') as m
left join user_account a on a.username = m[3]
where d.safety_overrides is not null;
