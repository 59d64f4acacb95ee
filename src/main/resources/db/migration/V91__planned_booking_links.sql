-- A booking link sent from a plan offers the proposed slot and a few alternatives only (offered_slot_ids); a freed
-- slot offered to the patient the planner chose keeps the planner's reason (offer_reason), for the clerk to read.
alter table booking_invitation add column offered_slot_ids uuid[];
alter table booking_invitation add column offer_reason text;
