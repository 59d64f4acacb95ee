-- Issue 15: a session signed in before an account was disabled or its password changed is ended at its next request.
-- The number goes up at each such change; a session remembers the number it signed in with.
alter table user_account add column session_generation integer not null default 0;
