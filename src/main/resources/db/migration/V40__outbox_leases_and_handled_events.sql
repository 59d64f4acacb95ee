-- A sender claims an outbound row for a while (a lease) in a short transaction, talks to the mail server or the
-- HL7 receiver outside any transaction, then records the outcome. A lease that runs out (the instance died
-- mid-send) lets another instance claim the row again.
alter table outbound_email add column claimed_by varchar(100), add column claimed_until timestamptz;
alter table hl7_outbound_message add column claimed_by varchar(100), add column claimed_until timestamptz;

-- Each event a notification listener handled, written in the listener's own transaction: a republished event,
-- or one two instances handle at once, finds its key here and makes no second email, letter or patient link.
create table notification_handled_event (
    event_key         varchar(200) primary key,
    outbound_email_id uuid references outbound_email (id),
    handled_at        timestamptz  not null
);
