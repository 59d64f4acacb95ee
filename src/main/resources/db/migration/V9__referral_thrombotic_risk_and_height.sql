-- Facts the safety engine needs that the first referral form did not ask: height (ideal body weight for
-- local anaesthetic limits, facts LA-04) and the high thrombotic risk markers that forbid an automatic
-- stop of a blood thinner (facts AC-42).
alter table referral add column height_cm numeric(4,1);
alter table referral add column mechanical_heart_valve boolean not null default false;
alter table referral add column coronary_stent_date date;
alter table referral add column last_vte_date date;
alter table referral add column last_stroke_date date;
