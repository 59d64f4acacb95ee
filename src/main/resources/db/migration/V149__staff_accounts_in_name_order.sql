-- The "Staff accounts" list reads its pages in name order after the last account shown (ADR 0125).
create index user_account_name_order on user_account (lower(display_name), username);
