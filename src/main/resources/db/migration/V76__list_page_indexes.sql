-- Issue #16: an index for every filter and sort of the list pages (plans in docs/performance.md).

-- The day list and the appointments page ask for the appointments overlapping a day or a fortnight. The exclusion
-- constraints' GiST indexes lead with room and operator and hold BOOKED rows only, so the day list, which also
-- shows DID_NOT_ATTEND, scanned the whole table.
create index appointment_during on appointment using gist (during);

-- The referral list of staff who see every referral, newest first, before any filter narrows it.
create index referral_submitted_at on referral (submitted_at desc);
