-- A patient's secret link (diary, booking invitation, own appointment) no longer stays in a stored email body
-- (ADR 0054): the body keeps the placeholder {{link}}, the link waits in its own column until the email is handed to
-- the mail server, and is cleared once it has gone.
alter table outbound_email add column link varchar(1000);

-- Emails already stored: those sent lose their link, those not yet sent keep it apart from the body.
update outbound_email
   set link = substring(body from 'https?://[^[:space:]]+/(?:my-diary|choose-appointment|my-appointment)/[^[:space:]]+'),
       body = regexp_replace(body, 'https?://[^[:space:]]+/(?:my-diary|choose-appointment|my-appointment)/[^[:space:]]+',
                             '{{link}}')
 where status <> 'SENT'
   and body ~ 'https?://[^[:space:]]+/(?:my-diary|choose-appointment|my-appointment)/[^[:space:]]+';

update outbound_email
   set body = regexp_replace(body, 'https?://[^[:space:]]+/(?:my-diary|choose-appointment|my-appointment)/[^[:space:]]+',
                             '{{link}}', 'g')
 where status = 'SENT'
   and body ~ 'https?://[^[:space:]]+/(?:my-diary|choose-appointment|my-appointment)/[^[:space:]]+';
