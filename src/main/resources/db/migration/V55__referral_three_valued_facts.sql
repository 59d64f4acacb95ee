-- Every yes/no clinical question on a referral becomes yes, no or not known (issue 12, ADR 0031), and the facts
-- the safety engine uses but the form never asked get their own columns.
--
-- The old columns were unticked checkboxes: false cannot be told apart from "not asked". A stored false becomes
-- NOT_KNOWN, so that the engine asks rather than assumes; true stays YES. The one exception is insulin for a
-- patient recorded without diabetes: the form refused insulin without diabetes, so that false is a real no.
create or replace function pg_temp.yes_or_not_known(answered boolean) returns varchar as $$
    select case when answered then 'YES' else 'NOT_KNOWN' end
$$ language sql immutable;

alter table referral alter column diabetes_on_insulin drop default;
alter table referral alter column diabetes_on_insulin type varchar(9)
    using case when diabetes_on_insulin then 'YES' when diabetes = 'NONE' then 'NO' else 'NOT_KNOWN' end;
alter table referral alter column prosthetic_joint_at_site drop default;
alter table referral alter column prosthetic_joint_at_site type varchar(9) using pg_temp.yes_or_not_known(prosthetic_joint_at_site);
alter table referral alter column infection_at_site drop default;
alter table referral alter column infection_at_site type varchar(9) using pg_temp.yes_or_not_known(infection_at_site);
alter table referral alter column systemic_infection drop default;
alter table referral alter column systemic_infection type varchar(9) using pg_temp.yes_or_not_known(systemic_infection);
alter table referral alter column mechanical_heart_valve drop default;
alter table referral alter column mechanical_heart_valve type varchar(9) using pg_temp.yes_or_not_known(mechanical_heart_valve);

alter table referral
    add column suspected_septic_joint varchar(9) not null default 'NOT_KNOWN',
    add column previous_contrast_reaction varchar(9) not null default 'NOT_KNOWN',
    add column older_age varchar(9) not null default 'NOT_KNOWN',
    add column bleeding_tendency varchar(9) not null default 'NOT_KNOWN',
    add column advanced_liver_disease varchar(9) not null default 'NOT_KNOWN',
    add column advanced_renal_disease varchar(9) not null default 'NOT_KNOWN',
    add column inr_value numeric(3,1),
    add column inr_date date,
    add column childbearing_potential varchar(9) not null default 'NOT_KNOWN',
    add column last_menstrual_period date,
    add column pregnancy_asked_privately boolean not null default false,
    add column planned_replacement_date date,
    add column planned_replacement_surgeon_name varchar(120),
    add column planned_replacement_surgeon_email varchar(254);

alter table referral
    alter column diabetes_on_insulin set default 'NOT_KNOWN',
    alter column prosthetic_joint_at_site set default 'NOT_KNOWN',
    alter column infection_at_site set default 'NOT_KNOWN',
    alter column systemic_infection set default 'NOT_KNOWN',
    alter column mechanical_heart_valve set default 'NOT_KNOWN',
    add constraint referral_yes_no_not_known check (
        diabetes_on_insulin in ('YES', 'NO', 'NOT_KNOWN') and prosthetic_joint_at_site in ('YES', 'NO', 'NOT_KNOWN')
        and infection_at_site in ('YES', 'NO', 'NOT_KNOWN') and systemic_infection in ('YES', 'NO', 'NOT_KNOWN')
        and mechanical_heart_valve in ('YES', 'NO', 'NOT_KNOWN') and suspected_septic_joint in ('YES', 'NO', 'NOT_KNOWN')
        and previous_contrast_reaction in ('YES', 'NO', 'NOT_KNOWN') and older_age in ('YES', 'NO', 'NOT_KNOWN')
        and bleeding_tendency in ('YES', 'NO', 'NOT_KNOWN') and advanced_liver_disease in ('YES', 'NO', 'NOT_KNOWN')
        and advanced_renal_disease in ('YES', 'NO', 'NOT_KNOWN') and childbearing_potential in ('YES', 'NO', 'NOT_KNOWN')),
    add constraint referral_inr_has_date check (inr_value is null or inr_date is not null);
