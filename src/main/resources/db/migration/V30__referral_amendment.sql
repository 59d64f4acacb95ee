-- A referral's details may be corrected before vetting decides (new creatinine, a blood thinner started).
-- The details as they were before each change are kept here, with who changed them, when and why.
create table referral_amendment (
    id                uuid primary key,
    referral_id       uuid          not null references referral (id),
    amended_at        timestamptz   not null,
    amended_by        varchar(64)   not null,
    reason            varchar(1000) not null,
    previous_details  text          not null
);
create index referral_amendment_referral on referral_amendment (referral_id, amended_at);
