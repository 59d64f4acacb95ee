-- A one-stop visit (assessment, then an ultrasound-guided or landmark injection) holds two consecutive slots
-- of a one-stop session; the appointment's time range covers both, so the exclusion constraints guard both.
alter table appointment add column linked_slot_id uuid references slot (id);
create index appointment_linked_slot on appointment (linked_slot_id) where status = 'BOOKED' and linked_slot_id is not null;
