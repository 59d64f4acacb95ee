-- The cancelled appointment whose freed slot an invitation offers: one offer per cancellation, however often
-- the cancellation event is handled (after a crash, or by a restarting instance while another handles it).
alter table booking_invitation add column offered_for_cancelled uuid unique references appointment (id);
