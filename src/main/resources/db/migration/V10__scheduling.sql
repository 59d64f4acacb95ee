-- Capacity: rooms with their guidance equipment, operators with competencies, weekly session templates,
-- exceptions (leave, room closed) and the slots materialised from them for the booking horizon.
create table room (
    id          uuid primary key,
    name        varchar(80)  not null unique,
    location    varchar(300) not null,
    guidance    varchar(80)  not null,
    created_at  timestamptz  not null,
    created_by  varchar(64)  not null
);

create table operator (
    id           uuid primary key,
    username     varchar(64)  not null unique,
    display_name varchar(120) not null,
    grade        varchar(40)  not null,
    guidance     varchar(80)  not null,
    site_codes   varchar(1000),
    created_at   timestamptz  not null,
    created_by   varchar(64)  not null
);

create table session_template (
    id           uuid primary key,
    weekday      smallint     not null check (weekday between 1 and 7),
    start_time   time         not null,
    end_time     time         not null check (end_time > start_time),
    room_id      uuid         not null references room (id),
    operator_id  uuid         not null references operator (id),
    slot_pattern varchar(200) not null,
    one_stop     boolean      not null,
    valid_from   date         not null,
    valid_to     date,
    created_at   timestamptz  not null,
    created_by   varchar(64)  not null
);

create table session_exception (
    id          uuid primary key,
    kind        varchar(20)   not null check (kind in ('OPERATOR_LEAVE', 'ROOM_CLOSED')),
    room_id     uuid references room (id),
    operator_id uuid references operator (id),
    first_day   date          not null,
    last_day    date          not null check (last_day >= first_day),
    reason      varchar(500)  not null,
    created_at  timestamptz   not null,
    created_by  varchar(64)   not null,
    check ((kind = 'ROOM_CLOSED' and room_id is not null) or (kind = 'OPERATOR_LEAVE' and operator_id is not null))
);

-- One row per bookable slot; re-materialising is idempotent (unique template + start).
create table slot (
    id               uuid primary key,
    template_id      uuid          not null references session_template (id),
    room_id          uuid          not null references room (id),
    operator_id      uuid          not null references operator (id),
    starts_at        timestamptz   not null,
    ends_at          timestamptz   not null check (ends_at > starts_at),
    one_stop         boolean       not null,
    withdrawn_reason varchar(500),
    unique (template_id, starts_at)
);
create index slot_starts_at on slot (starts_at) where withdrawn_reason is null;
