-- The ordering system's identifier of a referral made through FHIR (ServiceRequest.identifier). The
-- referral's submission key is derived from it, so a resent or concurrent create finds the first referral;
-- this row keeps the identifier itself for reads and searches.
create table fhir_request_identifier (
    system       varchar(255) not null,
    value        varchar(255) not null,
    referral_id  uuid         not null unique references referral (id),
    primary key (system, value)
);
