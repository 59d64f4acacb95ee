-- The appointments page warns of patients still booked into a slot that leave or a closure withdrew. It read every
-- booked appointment of the next year and then asked which of their slots were withdrawn; it now starts from the
-- withdrawn slots, which this index holds apart (few, against a year of bookings), and joins their bookings (ADR 0120).
create index slot_withdrawn on slot (starts_at) where withdrawn_reason is not null;
