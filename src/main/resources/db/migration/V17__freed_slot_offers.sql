-- An invitation can offer one freed slot (an automatic offer after a cancellation) instead of a choice.
alter table booking_invitation add column slot_id uuid references slot (id);
