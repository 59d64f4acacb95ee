-- The patient's secret link to see and cancel their appointment: only a SHA-256 hash of the token is kept.
alter table appointment add column patient_link_hash varchar(64);
create unique index appointment_patient_link on appointment (patient_link_hash) where patient_link_hash is not null;
