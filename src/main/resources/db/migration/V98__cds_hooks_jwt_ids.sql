-- CDS Hooks calls signed by the CDS client (ADR 0064): the ids (jti) of the JWTs already accepted, kept until
-- the JWT expires so that a captured call cannot be played again. Expired rows are deleted as new ones come.
create table cds_hooks_jwt_id (
    issuer     varchar(255) not null,
    jti        varchar(255) not null,
    expires_at timestamptz  not null,
    primary key (issuer, jti)
);
create index cds_hooks_jwt_id_expires on cds_hooks_jwt_id (expires_at);
