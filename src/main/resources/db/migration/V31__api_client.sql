-- Hospital systems that call the FHIR API: a client id, a hashed secret and SMART-style scopes
-- (system/ServiceRequest.c, system/*.rs). The secret is shown once when the client is created.
create table api_client (
    id            uuid primary key,
    client_id     varchar(64)   not null unique,
    name          varchar(120)  not null,
    secret_hash   varchar(100)  not null,
    scopes        varchar(1000) not null,
    enabled       boolean       not null default true,
    created_at    timestamptz   not null,
    created_by    varchar(64)   not null
);
