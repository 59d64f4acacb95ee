-- Every HL7 v2 message received over MLLP, with the acknowledgement given and why, so that an order
-- that did not become a referral can be traced; and every HL7 message queued to go out, with its
-- delivery state, retried until the receiver acknowledges it.
create table hl7_inbound_message (
    id                  uuid          primary key,
    received_at         timestamptz   not null,
    control_id          varchar(199),
    message_type        varchar(20),
    sending_application varchar(227),
    sending_facility    varchar(227),
    placer_order_number varchar(199),
    raw_message         text          not null,
    ack_code            varchar(2)    not null check (ack_code in ('AA', 'AE', 'AR')),
    outcome             varchar(2000) not null,
    referral_id         uuid,
    patient_id          uuid
);
create index hl7_inbound_message_received on hl7_inbound_message (received_at desc);
create index hl7_inbound_message_control on hl7_inbound_message (sending_application, sending_facility, control_id)
    where ack_code = 'AA';

create table hl7_outbound_message (
    id              uuid          primary key,
    control_id      varchar(20)   not null unique,
    message_type    varchar(20)   not null,
    appointment_id  uuid,
    patient_id      uuid,
    payload         text          not null,
    status          varchar(16)   not null check (status in ('QUEUED', 'ACKNOWLEDGED', 'FAILED')),
    attempts        int           not null default 0,
    last_ack_code   varchar(2),
    last_error      varchar(1000),
    created_at      timestamptz   not null,
    next_attempt_at timestamptz   not null,
    acknowledged_at timestamptz,
    -- One report message per signed procedure, even if the completion event is delivered twice.
    unique (message_type, appointment_id)
);
create index hl7_outbound_message_due on hl7_outbound_message (status, next_attempt_at);
