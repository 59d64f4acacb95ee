-- One link per transaction in the audit trail's chains (ADR 0112). Until now (V133) a transaction's rows were linked
-- in one pass but each got a link of its own: a hash, a row in audit_chain and two index entries per audit line.
-- Now the pass writes ONE link for the rows its (sub)transaction wrote: event_ids names them in id order and the hash
-- is sha256(previous hash || content of the first row || … || content of the last), the content as V134 builds it.
-- A one-row link hashes exactly as before, and links written before this migration (event_ids null: the one row
-- event_id) are untouched and verify as they did. event_id stays the link's first row, so it is still unique.

alter table audit_chain add column event_ids bigint[];
alter table audit_chain add constraint audit_chain_event_ids_begin_with_event_id
    check (event_ids is null or (cardinality(event_ids) >= 1 and event_ids[1] = event_id));

comment on column audit_chain.event_ids is
    'The audit rows this link covers, in id order (ADR 0112); null on links written one per row before V140: event_id alone';

-- The rows a link covers: its list, or its one row.
create function audit_chain_rows(c audit_chain) returns bigint[] language sql immutable as $$
    select coalesce(c.event_ids, array[c.event_id])
$$;

-- Runs at commit for every row, as in V133; the first row of a (sub)transaction to get here links itself and every
-- row the list names that the same (sub)transaction wrote (same xmin) in ONE link, and widens synovia.audit_linked,
-- the first and last id this transaction's links cover, to take it in. Every later row between them that the list
-- no longer names is linked, and returns at once: one expression, no query (it runs once per row, so it is kept to
-- the few calls that cost least). Any other row is still listed (another subtransaction's) or was never listed
-- (left out of the list), and links itself, with the rows still listed of its own (sub)transaction, in the next
-- link. Both settings are the session's to write: faked, they can make a row skip its link, which the check then
-- reports as 'row not chained', or name a row twice, reported as 'row in two links'; a pass links only rows of its
-- own (sub)transaction, so no row of another transaction is ever linked as if it were this one's (ADR 0103, 0112).
create or replace function audit_event_link() returns trigger language plpgsql security definer
    set search_path = public, pg_temp set enable_seqscan = off as $$
declare
    linked text;
    unlinked text;
    chosen text;
    noted bigint[];
    own_xmin xid;
    head audit_chain_head;
    width integer;
    preferred integer;
    ids bigint[];
    contents bytea;
    left_over bigint[];
    next_hash bytea;
begin
    if new.id between nullif(split_part(current_setting('synovia.audit_linked', true), ',', 1), '')::bigint
                  and nullif(split_part(current_setting('synovia.audit_linked', true), ',', 2), '')::bigint
            and (coalesce(current_setting('synovia.audit_unlinked', true), '') = ''
                 or not new.id = any(string_to_array(current_setting('synovia.audit_unlinked', true), ',')::bigint[])) then
        return null;
    end if;
    linked := nullif(current_setting('synovia.audit_linked', true), '');
    unlinked := nullif(current_setting('synovia.audit_unlinked', true), '');
    noted := array_append(coalesce(string_to_array(unlinked, ',')::bigint[], '{}'), new.id);
    select e.xmin into own_xmin from audit_event e where e.id = new.id;
    -- By primary key alone, the transaction check in the aggregates' filters, not in an "or" beside the key (ADR 0103).
    select array_agg(e.id order by e.id) filter (where e.id = new.id or e.xmin = own_xmin),
           string_agg(audit_event_content(e), ''::bytea order by e.id) filter (where e.id = new.id or e.xmin = own_xmin),
           array_agg(e.id order by e.id) filter (where e.id <> new.id and not e.xmin = own_xmin)
        into ids, contents, left_over
        from audit_event e where e.id = any(noted);
    chosen := current_setting('synovia.audit_chain', true);
    if chosen is not null and chosen <> '' then
        select * into head from audit_chain_head h where h.chain = chosen::smallint for update;
    end if;
    if head.chain is null then
        select count(*) into width from audit_chain_head;
        preferred := pg_backend_pid() % width;
        select * into head from audit_chain_head h order by (h.chain - preferred + width) % width
            limit 1 for update skip locked;
        if head.chain is null then
            select * into head from audit_chain_head h where h.chain = preferred for update;
        end if;
        perform set_config('synovia.audit_chain', head.chain::text, true);
    end if;
    next_hash := sha256(head.hash || contents);
    insert into audit_chain (chain, link_number, event_id, event_ids, previous_hash, hash)
        values (head.chain, head.link_number + 1, ids[1], ids, head.hash, next_hash);
    update audit_chain_head h set link_number = head.link_number + 1, hash = next_hash where h.chain = head.chain;
    perform set_config('synovia.audit_linked', least(split_part(linked, ',', 1)::bigint, ids[1]) || ','
        || greatest(split_part(linked, ',', 2)::bigint, ids[cardinality(ids)]), true);
    -- Rows of another (sub)transaction stay listed, so that the first of them to get here links the rest with it.
    perform set_config('synovia.audit_unlinked', coalesce(array_to_string(left_over, ','), ''), true);
    return null;
end $$;

-- Every problem in every chain, as in V120, each naming the rows its link covers (event_ids):
--   'content altered'   the rows' content no longer gives the link's hash: one of the rows it covers was changed (a
--                       link of several rows cannot tell which; event_id names the row only when the link has one)
--   'row missing'       a row the link covers is gone (deleted); event_id names it
--   'link altered', 'link missing', 'head mismatch', 'chain without head' as before
--   'row in two links'  a row named by a second link (the later one is reported)
--   'row not chained'   a committed row no link covers (inserted with the trigger switched off)
drop function audit_chain_verify();
create function audit_chain_verify()
    returns table (chain smallint, link_number bigint, event_id bigint, problem text, event_ids bigint[])
    language plpgsql stable set search_path = public, pg_temp as $$
declare
    head audit_chain_head;
    link record;
    expected_number bigint;
    expected_hash bytea;
    gone bigint;
begin
    for head in select * from audit_chain_head h order by h.chain loop
        expected_number := 0;
        expected_hash := audit_chain_genesis(head.chain);
        for link in select c.link_number, c.event_id, audit_chain_rows(c) as rows, c.previous_hash, c.hash, r.content, r.missing
                    from audit_chain c
                    cross join lateral (
                        select string_agg(audit_event_content(e), ''::bytea order by i.n) filter (where e.id is not null) as content,
                               array_agg(i.id order by i.n) filter (where e.id is null) as missing
                        from unnest(audit_chain_rows(c)) with ordinality i (id, n)
                        left join audit_event e on e.id = i.id) r
                    where c.chain = head.chain order by c.link_number loop
            expected_number := expected_number + 1;
            chain := head.chain;
            if link.link_number <> expected_number then
                link_number := expected_number; event_id := null; problem := 'link missing'; event_ids := null;
                return next;
                expected_number := link.link_number;
            end if;
            link_number := link.link_number;
            event_ids := link.rows;
            event_id := case when cardinality(link.rows) = 1 then link.rows[1] end;
            if link.previous_hash <> expected_hash then
                problem := 'link altered';
                return next;
            end if;
            if link.missing is not null then
                foreach gone in array link.missing loop
                    event_id := gone; problem := 'row missing';
                    return next;
                end loop;
            elsif sha256(link.previous_hash || link.content) <> link.hash then
                problem := 'content altered';
                return next;
            end if;
            expected_hash := link.hash;
        end loop;
        if head.link_number <> expected_number or head.hash <> expected_hash then
            chain := head.chain; link_number := head.link_number; event_id := null; problem := 'head mismatch';
            event_ids := null;
            return next;
        end if;
    end loop;
    -- Links of a chain that has no head (its head deleted) are links nobody walks: each is reported.
    return query select c.chain, c.link_number, c.event_id, 'chain without head'::text, audit_chain_rows(c) from audit_chain c
        where not exists (select from audit_chain_head h where h.chain = c.chain) order by c.chain, c.link_number;
    return query
        with covered as materialized (
            select c.chain, c.link_number, i.id, audit_chain_rows(c) as rows,
                   row_number() over (partition by i.id order by c.chain, c.link_number) as naming
            from audit_chain c cross join unnest(audit_chain_rows(c)) i (id))
        (select v.chain, v.link_number, v.id, 'row in two links'::text, v.rows from covered v where v.naming > 1
         order by v.chain, v.link_number, v.id)
        union all
        (select null::smallint, null::bigint, e.id, 'row not chained'::text, null::bigint[] from audit_event e
         where not exists (select from covered v where v.id = e.id) order by e.id);
end $$;

do $$
begin
    if exists (select from pg_roles where rolname = 'synovia_app') then
        revoke execute on function audit_event_link() from public;
    end if;
end $$;
