-- A tamper-evident audit trail (ADR 0049). Every committed audit_event row gets one link in audit_chain, in
-- commit order: the SHA-256 of the previous link's hash and the row's content. Changing, deleting or slipping in
-- a row (as a superuser or the owner, around the grants and the append-only trigger) leaves a link that no longer
-- matches, a link without its row, or a row without a link. audit_chain_verify() walks the chain.

create table audit_chain (
    link_number      bigint primary key check (link_number >= 1),
    event_id      bigint not null unique,
    previous_hash bytea  not null check (length(previous_hash) = 32),
    hash          bytea  not null check (length(hash) = 32)
);

-- The newest link, one row: each committing transaction locks it to take the next number, so links form one line.
create table audit_chain_head (
    single   boolean primary key default true check (single),
    link_number bigint not null,
    hash     bytea  not null
);

-- Signed checkpoints (AuditIntegrity): an HMAC over the time, the number of links and the head's hash, with a key
-- the database never sees, so that a chain rebuilt by someone who can write to the database no longer matches them.
create table audit_checkpoint (
    id        bigint generated always as identity primary key,
    taken_at  timestamptz not null,
    link_number  bigint      not null,
    hash      bytea       not null,
    signature bytea       not null
);

create function audit_chain_genesis() returns bytea language sql immutable as $$
    select sha256(convert_to('synovia audit_event chain', 'UTF8'))
$$;

-- The row's content, unambiguously: a JSON array of its columns, the time in microseconds since the epoch (UTC),
-- so that the session's time zone does not change the bytes.
create function audit_event_content(e audit_event) returns bytea language sql immutable as $$
    select convert_to(jsonb_build_array(e.id, (extract(epoch from e.occurred_at) * 1000000)::bigint, e.username,
        e.roles, e.action, e.record_type, e.record_id, e.patient_id, e.remote_address, e.details)::text, 'UTF8')
$$;

-- Runs at commit (a deferred constraint trigger), so the head's row lock is held only while the transaction
-- commits, not for all its work; a rolled-back row never gets a link. As the owner (security definer): the
-- application role may read the chain but not write it.
create function audit_event_link() returns trigger language plpgsql security definer
    set search_path = public, pg_temp as $$
declare
    previous audit_chain_head;
    next_hash bytea;
begin
    select * into previous from audit_chain_head for update;
    next_hash := sha256(previous.hash || audit_event_content(new));
    insert into audit_chain (link_number, event_id, previous_hash, hash)
        values (previous.link_number + 1, new.id, previous.hash, next_hash);
    update audit_chain_head set link_number = previous.link_number + 1, hash = next_hash;
    return null;
end $$;

-- Rows written before this migration are linked in the order of their ids.
do $$
declare
    event audit_event;
    link_number bigint := 0;
    hash bytea := audit_chain_genesis();
    next_hash bytea;
begin
    for event in select * from audit_event order by id loop
        link_number := link_number + 1;
        next_hash := sha256(hash || audit_event_content(event));
        insert into audit_chain values (link_number, event.id, hash, next_hash);
        hash := next_hash;
    end loop;
    insert into audit_chain_head values (true, link_number, hash);
end $$;

create constraint trigger audit_event_chained after insert on audit_event
    deferrable initially deferred for each row execute function audit_event_link();

-- The chain's links and checkpoints are append-only too.
create function audit_chain_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger audit_chain_append_only before update or delete or truncate on audit_chain
    for each statement execute function audit_chain_is_append_only();
create trigger audit_checkpoint_append_only before update or delete or truncate on audit_checkpoint
    for each statement execute function audit_chain_is_append_only();

-- Every problem in the chain, in the order of its links (ADR 0049):
--   'content altered'   the row's content no longer gives its link's hash (the row was changed)
--   'link altered'      the link does not follow from the one before (a link was changed or slipped in)
--   'row missing'       a link whose row is gone (deleted)
--   'link missing'      a number with no link (a link was deleted)
--   'row not chained'   a committed row with no link (inserted with the trigger switched off)
--   'head mismatch'     the head does not name the last link (links removed from the end)
create function audit_chain_verify() returns table (link_number bigint, event_id bigint, problem text)
    language plpgsql stable set search_path = public, pg_temp as $$
declare
    link record;
    expected_number bigint := 0;
    expected_hash bytea := audit_chain_genesis();
    head audit_chain_head;
begin
    for link in select c.link_number, c.event_id, c.previous_hash, c.hash, e as event, e.id is null as gone
                from audit_chain c left join audit_event e on e.id = c.event_id order by c.link_number loop
        expected_number := expected_number + 1;
        if link.link_number <> expected_number then
            link_number := expected_number; event_id := null; problem := 'link missing';
            return next;
            expected_number := link.link_number;
        end if;
        if link.previous_hash <> expected_hash then
            link_number := link.link_number; event_id := link.event_id; problem := 'link altered';
            return next;
        end if;
        if link.gone then
            link_number := link.link_number; event_id := link.event_id; problem := 'row missing';
            return next;
        elsif sha256(link.previous_hash || audit_event_content(link.event)) <> link.hash then
            link_number := link.link_number; event_id := link.event_id; problem := 'content altered';
            return next;
        end if;
        expected_hash := link.hash;
    end loop;
    select * into head from audit_chain_head;
    if head.link_number <> expected_number or head.hash <> expected_hash then
        link_number := head.link_number; event_id := null; problem := 'head mismatch';
        return next;
    end if;
    return query select null::bigint, e.id, 'row not chained'::text from audit_event e
        where not exists (select from audit_chain c where c.event_id = e.id) order by e.id;
end $$;

do $$
begin
    if exists (select from pg_roles where rolname = 'synovia_app') then
        revoke insert, update, delete, truncate on audit_chain, audit_chain_head from synovia_app;
        revoke update, delete, truncate on audit_checkpoint from synovia_app;
        revoke execute on function audit_event_link() from public;
    end if;
end $$;
