-- The application's login works with data only (ADR 0048): it reads and writes rows, and nothing else. The
-- migrations run as the schema's owner; this gives the role synovia_app its rights on what exists, and default
-- privileges give it the same on every table and sequence the owner creates later. A later migration that adds a
-- table whose rows are final revokes update and delete from synovia_app itself, as below.
do $$
declare
    final_table text;
begin
    if not exists (select from pg_roles where rolname = 'synovia_app') then
        raise notice 'There is no role synovia_app: no grants made. Create it and grant as docs/configuration.md shows.';
        return;
    end if;
    grant select, insert, update, delete on all tables in schema public to synovia_app;
    grant usage, select on all sequences in schema public to synovia_app;
    alter default privileges in schema public grant select, insert, update, delete on tables to synovia_app;
    alter default privileges in schema public grant usage, select on sequences to synovia_app;

    -- Rows that are final: their triggers refuse a change; without the right, a change is refused before them.
    -- (Each only if present: a database may still lack a migration numbered below this one, see V25.)
    foreach final_table in array array['audit_event', 'safety_override', 'procedure_report', 'procedure_addendum',
            'procedure_pain_score', 'procedure_observation', 'day_safety_check', 'day_safety_finding', 'day_safety_decision', 'day_safety_drug'] loop
        if to_regclass(final_table) is not null then
            execute format('revoke update, delete on %I from synovia_app', final_table);
        end if;
    end loop;
    -- A diary entry is never changed; a demo database may still be emptied (V25).
    if to_regclass('diary_entry') is not null then
        revoke update on diary_entry from synovia_app;
    end if;

    if to_regclass('flyway_schema_history') is not null then
        revoke all on flyway_schema_history from synovia_app;
    end if;
end $$;
