-- Pages name staff by full name from a copy held in memory (ADR 0113). The copy is exact because every request reads
-- this number with its session check, and every statement that can change a name or add or remove an account raises
-- it in the same transaction: a statement-level trigger, so migrations, bulk copies and direct SQL are covered too.
-- A row update, not a sequence: the new number becomes visible only when the changed names are committed.
create table staff_names_version (
    only_row boolean primary key default true check (only_row),
    version bigint not null
);
insert into staff_names_version (version) values (1);

create function staff_names_changed() returns trigger language plpgsql as $$
begin
    update staff_names_version set version = version + 1;
    return null;
end
$$;

create trigger staff_names_changed
    after insert or delete or update of username, display_name on user_account
    for each statement execute function staff_names_changed();
create trigger staff_names_truncated
    after truncate on user_account
    for each statement execute function staff_names_changed();
