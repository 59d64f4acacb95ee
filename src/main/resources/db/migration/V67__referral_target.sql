-- Further targets injected in the same session as the referral's main site (a knee and the trochanteric bursa of the
-- same side, facet joints at two levels): one row each, in the order the referrer gave them, with what the referrer
-- asks to be injected there. The main target stays on the referral row (ADR 0040).
create table referral_target (
    referral_id         uuid         not null references referral (id),
    position            int          not null,
    site_code           varchar(40)  not null references injection_site (code),
    laterality          varchar(16)  not null,
    spinal_level        varchar(40),
    requested_injectate varchar(40)  not null,
    primary key (referral_id, position)
);
