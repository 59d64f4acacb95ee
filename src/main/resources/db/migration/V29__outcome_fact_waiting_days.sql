-- Whole days between the steps of the pathway, computed once when the row is written: converting four
-- timestamps to local dates on every view cost seconds over a million rows (docs/performance.md).
alter table outcome_fact add column days_to_vetting integer;
alter table outcome_fact add column days_vetting_to_booking integer;
alter table outcome_fact add column days_booking_to_procedure integer;
alter table outcome_fact add column days_referral_to_procedure integer;
