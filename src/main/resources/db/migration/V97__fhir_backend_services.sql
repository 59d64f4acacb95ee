-- SMART Backend Services (ADR 0063): a client may register a public JSON Web Key Set, inline or by URL, and sign
-- its token requests with the matching private key instead of sending a secret.
alter table api_client
    add column jwks     varchar(20000),
    add column jwks_url varchar(2000);

-- The ids (jti) of the client assertions already used, kept until the assertion expires so that a captured
-- assertion cannot be played again. Expired rows are deleted when a token is issued.
create table api_client_assertion (
    client_id  varchar(64)  not null,
    jti        varchar(255) not null,
    expires_at timestamptz  not null,
    primary key (client_id, jti)
);
create index api_client_assertion_expires on api_client_assertion (expires_at);

-- Access tokens issued to clients: only the SHA-256 of the random token is kept, with the scopes granted.
-- Short-lived; expired rows are deleted when a token is issued.
create table api_access_token (
    token_hash varchar(100)  primary key,
    client_id  varchar(64)   not null references api_client (client_id),
    scopes     varchar(1000) not null,
    issued_at  timestamptz   not null,
    expires_at timestamptz   not null
);
create index api_access_token_expires on api_access_token (expires_at);
