-- How far each user has seen what happened on each referral (ADR 0085): on their home page a referrer is shown
-- what happened after seen_until. Moved forward when they open the referral or mark everything as seen; not
-- clinical data, so an ordinary table the application may update.
create table journey_seen (
    username    varchar(64)  not null,
    referral_id uuid         not null references referral (id),
    seen_until  timestamptz  not null,
    primary key (username, referral_id)
);

-- A referrer's view reads every appointment of their referrals, whatever became of it; the one index on
-- referral_id so far covers booked appointments only.
create index appointment_referral on appointment (referral_id);
