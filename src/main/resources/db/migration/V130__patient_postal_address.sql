-- The patient's postal address, so that a printed letter can be posted (ADR 0100). All null when not known;
-- otherwise at least the first line, the town and the postcode, which the application validates and normalises.
alter table patient
    add column address_line_1   varchar(50),
    add column address_line_2   varchar(50),
    add column address_line_3   varchar(50),
    add column address_line_4   varchar(50),
    add column address_town     varchar(35),
    add column address_postcode varchar(8),
    add constraint patient_address_whole check (
        (address_line_1 is null and address_line_2 is null and address_line_3 is null and address_line_4 is null
            and address_town is null and address_postcode is null)
        or (address_line_1 is not null and address_town is not null and address_postcode is not null));
