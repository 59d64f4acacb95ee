-- Pain scores at set minutes after the injection (facts DX-05), any number per record, each with who and when.
-- They are observations taken in recovery, so they may be added after the record is signed; once written a
-- score is never changed or removed (ADR 0015).
create table procedure_pain_score (
    id             uuid          primary key,
    appointment_id uuid          not null references procedure_record (appointment_id),
    minutes_after  integer       not null check (minutes_after between 1 and 480),
    score          integer       not null check (score between 0 and 10),
    recorded_at    timestamptz   not null,
    recorded_by    varchar(64)   not null
);
create index procedure_pain_score_record on procedure_pain_score (appointment_id, minutes_after);

-- The one score after that records held until now becomes a timed score, recorded by whoever saved the record.
insert into procedure_pain_score (id, appointment_id, minutes_after, score, recorded_at, recorded_by)
select gen_random_uuid(), appointment_id, pain_after_minutes, pain_after, saved_at, saved_by
from procedure_record where pain_after is not null and pain_after_minutes is not null;

alter table procedure_record drop column pain_after, drop column pain_after_minutes;

create function refuse_change_to_pain_score() returns trigger language plpgsql as $$
begin
    raise exception 'a pain score is never changed; record a new score or add an addendum' using errcode = 'P0001';
end $$;

create trigger procedure_pain_score_is_final before update or delete on procedure_pain_score
    for each row execute function refuse_change_to_pain_score();
