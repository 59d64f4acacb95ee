-- The waiting list is read 50 at a time in breach-date order, the next page after the last entry shown (keyset,
-- as the audit trail is: ADR 0086). This index holds the waiting entries in exactly that order, with the referral id
-- making it total, so a page is read from the index at the cursor, never by sorting or skipping the whole list.
create index waiting_list_waiting_order on waiting_list_entry (breach_date, clock_start, referral_id)
    where status = 'WAITING';
