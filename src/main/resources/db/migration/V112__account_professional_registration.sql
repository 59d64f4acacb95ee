-- A clinician's professional registration, printed under their name on the reports they sign: the register
-- (GMC for doctors, HCPC for radiographers and sonographers on it, NMC for nurses) and the number on it.
alter table user_account
    add column professional_register varchar(8) check (professional_register in ('GMC', 'HCPC', 'NMC')),
    add column registration_number   varchar(16),
    add constraint user_account_registration_whole
        check ((professional_register is null) = (registration_number is null));
