-- One attachment per email (the appointment letter PDF), stored with the email so that a retry after a
-- crash or an SMTP outage sends exactly what was queued.
alter table outbound_email add column attachment_name varchar(200);
alter table outbound_email add column attachment_type varchar(100);
alter table outbound_email add column attachment bytea;
