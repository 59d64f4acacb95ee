-- The drugs and volumes the vetting radiologist set at each further target of an accepted protocol, in the
-- referral's order (ADR 0040). Agents are the safety engine's names (InjectedAgent); doses in mg, strength in %,
-- volumes in mL. A decision is never changed, so neither are its targets.
create table vetting_target (
    decision_id               uuid          not null references vetting_decision (id),
    position                  int           not null,
    site_code                 varchar(40)   not null references injection_site (code),
    laterality                varchar(16)   not null,
    spinal_level              varchar(40),
    corticosteroid            varchar(40),
    corticosteroid_dose_mg    numeric(6,1),
    local_anaesthetic         varchar(40),
    local_anaesthetic_percent numeric(4,2),
    local_anaesthetic_ml      numeric(5,1),
    primary key (decision_id, position)
);
