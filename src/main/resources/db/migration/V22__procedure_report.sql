-- The report sent to the referrer, stored as sent, written in the same transaction as the signing.
create table procedure_report (
    appointment_id uuid          primary key references procedure_record (appointment_id),
    report_text    text          not null,
    written_at     timestamptz   not null,
    sent_to        varchar(320)
);
