-- A clinician's grade, so that decisions reserved to a grade (overriding a safety STOP) can be checked.
-- Null for staff without a clinical grade; existing accounts start without one (ADR 0035).
alter table user_account add column grade varchar(30)
    check (grade in ('CONSULTANT', 'SPECIALTY_REGISTRAR', 'SONOGRAPHER', 'ADVANCED_PRACTITIONER'));
