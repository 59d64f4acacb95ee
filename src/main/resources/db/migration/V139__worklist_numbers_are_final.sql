-- An appointment's accession number and Study Instance UID never change once a modality has seen them (ADR 0025):
-- images and performed-step reports are filed by them, and each instance keeps the numbers it has seen in memory
-- (ADR 0110). The application's login may add numbers but no longer change or remove them.
do $$
begin
    if exists (select from pg_roles where rolname = 'synovia_app') then
        revoke update, delete on worklist_step from synovia_app;
    end if;
end $$;
