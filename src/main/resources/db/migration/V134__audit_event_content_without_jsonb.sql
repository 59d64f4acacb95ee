-- The row's content for the chain (V82) built as json rather than jsonb: the same bytes, about a third less work
-- (ADR 0103). jsonb_build_array built a binary jsonb value only to print it again; json_build_array prints the
-- array directly, with the same ", " between values, the same escaping of strings (both use PostgreSQL's
-- escape_json), bigints printed alike and null as null. Every link written before hashes the same content, so it
-- verifies unchanged; AuditChainMigrationIntegrationTests compares both forms over rows with quotes, backslashes,
-- control characters, letters outside ASCII and nulls.
create or replace function audit_event_content(e audit_event) returns bytea language sql immutable as $$
    select convert_to(json_build_array(e.id, (extract(epoch from e.occurred_at) * 1000000)::bigint, e.username,
        e.roles, e.action, e.record_type, e.record_id, e.patient_id, e.remote_address, e.details)::text, 'UTF8')
$$;
