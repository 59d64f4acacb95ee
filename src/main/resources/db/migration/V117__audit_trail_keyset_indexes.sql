-- The audit trail is read a page at a time, newest first, by keyset: "(occurred_at, id) < (last shown)" in the
-- order occurred_at desc, id desc (ADR 0086). Each filter the page offers gets an index in that order, so that a
-- page is read from the index at the cursor, never by skipping the rows before it; the id breaks ties of one
-- instant (a multi-row insert writes many lines at one time). These replace V2's indexes without the id.
create index audit_event_keyset on audit_event (occurred_at desc, id desc);
create index audit_event_username_keyset on audit_event (username, occurred_at desc, id desc);
create index audit_event_patient_keyset on audit_event (patient_id, occurred_at desc, id desc);
create index audit_event_action_keyset on audit_event (action, occurred_at desc, id desc);
drop index audit_event_occurred_at;
drop index audit_event_username;
drop index audit_event_patient;
