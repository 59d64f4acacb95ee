-- The audit trail's hash chain in several partitions (ADR 0088). With one chain every committing transaction that
-- audited something took the one head's row lock and held it through its WAL flush, so such commits ran one after
-- another and could not share a flush. Now there are several chains, each with its own head; a committing
-- transaction links all its rows into one chain, taking the first head no other transaction holds, so commits overlap.
-- Each chain keeps every promise of V82 (ADR 0049): links in commit order, a row in exactly one link, verified
-- link by link from its own genesis. The links written before this migration are chain 0 and verify unchanged.

alter table audit_chain add column chain smallint not null default 0 check (chain >= 0);
alter table audit_chain drop constraint audit_chain_pkey;
alter table audit_chain add primary key (chain, link_number);
-- Existing links are chain 0; every new link names its chain itself.
alter table audit_chain alter column chain drop default;

alter table audit_chain_head add column chain smallint;
update audit_chain_head set chain = 0;
alter table audit_chain_head drop constraint audit_chain_head_pkey;
alter table audit_chain_head drop column single;
alter table audit_chain_head alter column chain set not null;
alter table audit_chain_head add primary key (chain);
alter table audit_chain_head add constraint audit_chain_head_chain_range check (chain between 0 and 63);

-- A checkpoint signs one chain's head; one checkpoint is taken per chain at the same instant.
alter table audit_checkpoint add column chain smallint not null default 0;

-- Chain 0 starts where V82's one chain started, so its links verify unchanged; every other chain has a genesis of
-- its own, so a run of links cannot be moved from one chain to another unnoticed.
create or replace function audit_chain_genesis(chain smallint) returns bytea language sql immutable as $$
    select case when chain = 0 then audit_chain_genesis()
                else sha256(convert_to('synovia audit_event chain ' || chain, 'UTF8')) end
$$;

-- Adds heads until there are as many chains as wanted (synovia.audit.chains, at every start). Chains are never removed:
-- their links are the trail's history, and the link trigger uses every head there is.
create function audit_chain_widen(wanted integer) returns integer language plpgsql security definer
    set search_path = public, pg_temp as $$
begin
    if wanted < 1 or wanted > 64 then
        raise exception 'the audit trail has 1 to 64 chains, not %', wanted using errcode = 'invalid_parameter_value';
    end if;
    insert into audit_chain_head (chain, link_number, hash)
        select n, 0, audit_chain_genesis(n::smallint) from generate_series(0, wanted - 1) n
        on conflict (chain) do nothing;
    return (select count(*) from audit_chain_head);
end $$;

select audit_chain_widen(8);

-- Runs at commit, as in V82. The transaction's first row chooses its chain: the one its backend's number points to,
-- or, when another transaction is committing on that one, the next head nobody holds (skip locked); only when every
-- head is held does it wait, for its own. The choice is kept for the rest of the transaction (a transaction-local
-- setting), so all its rows link in one chain under one lock.
create or replace function audit_event_link() returns trigger language plpgsql security definer
    set search_path = public, pg_temp as $$
declare
    chosen text := current_setting('synovia.audit_chain', true);
    head audit_chain_head;
    width integer;
    preferred integer;
    next_hash bytea;
begin
    if chosen is not null and chosen <> '' then
        select * into head from audit_chain_head where chain = chosen::smallint for update;
    end if;
    if head.chain is null then
        select count(*) into width from audit_chain_head;
        preferred := pg_backend_pid() % width;
        select * into head from audit_chain_head order by (chain - preferred + width) % width
            limit 1 for update skip locked;
        if head.chain is null then
            select * into head from audit_chain_head where chain = preferred for update;
        end if;
        perform set_config('synovia.audit_chain', head.chain::text, true);
    end if;
    next_hash := sha256(head.hash || audit_event_content(new));
    insert into audit_chain (chain, link_number, event_id, previous_hash, hash)
        values (head.chain, head.link_number + 1, new.id, head.hash, next_hash);
    update audit_chain_head set link_number = head.link_number + 1, hash = next_hash where chain = head.chain;
    return null;
end $$;

-- Every problem in every chain, chain by chain and in the order of each chain's links; the problems as in V82, each
-- naming its chain ('row not chained' names none: the row is in no chain).
drop function audit_chain_verify();
create function audit_chain_verify() returns table (chain smallint, link_number bigint, event_id bigint, problem text)
    language plpgsql stable set search_path = public, pg_temp as $$
declare
    head audit_chain_head;
    link record;
    expected_number bigint;
    expected_hash bytea;
begin
    for head in select * from audit_chain_head h order by h.chain loop
        expected_number := 0;
        expected_hash := audit_chain_genesis(head.chain);
        for link in select c.link_number, c.event_id, c.previous_hash, c.hash, e as event, e.id is null as gone
                    from audit_chain c left join audit_event e on e.id = c.event_id
                    where c.chain = head.chain order by c.link_number loop
            expected_number := expected_number + 1;
            if link.link_number <> expected_number then
                chain := head.chain; link_number := expected_number; event_id := null; problem := 'link missing';
                return next;
                expected_number := link.link_number;
            end if;
            if link.previous_hash <> expected_hash then
                chain := head.chain; link_number := link.link_number; event_id := link.event_id; problem := 'link altered';
                return next;
            end if;
            if link.gone then
                chain := head.chain; link_number := link.link_number; event_id := link.event_id; problem := 'row missing';
                return next;
            elsif sha256(link.previous_hash || audit_event_content(link.event)) <> link.hash then
                chain := head.chain; link_number := link.link_number; event_id := link.event_id; problem := 'content altered';
                return next;
            end if;
            expected_hash := link.hash;
        end loop;
        if head.link_number <> expected_number or head.hash <> expected_hash then
            chain := head.chain; link_number := head.link_number; event_id := null; problem := 'head mismatch';
            return next;
        end if;
    end loop;
    -- Links of a chain that has no head (its head deleted) are links nobody walks: each is reported.
    return query select c.chain, c.link_number, c.event_id, 'chain without head'::text from audit_chain c
        where not exists (select from audit_chain_head h where h.chain = c.chain) order by c.chain, c.link_number;
    return query select null::smallint, null::bigint, e.id, 'row not chained'::text from audit_event e
        where not exists (select from audit_chain c where c.event_id = e.id) order by e.id;
end $$;

do $$
begin
    if exists (select from pg_roles where rolname = 'synovia_app') then
        revoke execute on function audit_event_link() from public;
        revoke execute on function audit_chain_widen(integer) from public;
        grant execute on function audit_chain_widen(integer) to synovia_app;
    end if;
end $$;
