-- The audit trail's chain links a transaction's rows in one pass (ADR 0103). Until now the deferred trigger of V82
-- and V120 did, at commit and for every row, a head lock, a hash, a one-row insert and a head update: a list page
-- that audits 50 patients ran that 50 times, and each head update left a row version the next lock had to step
-- over. Now each insert statement notes the ids it wrote (a statement trigger, in a transaction-local setting); at
-- commit the first row's deferred trigger takes the head once, hashes the transaction's rows in id order, inserts
-- their links in one statement and moves the head once; every later row's trigger finds its link and returns.
-- The links are the same as before, one per row, so rows linked before this migration verify unchanged and
-- audit_chain_verify(), the checkpoints and the admin page need no change.

-- After every insert into audit_event, as the inserting role: appends the new ids to the transaction's list. A
-- setting rather than a table: it costs no write, and a rolled-back savepoint takes its ids back with it.
create function audit_event_note_inserted() returns trigger language plpgsql
    set search_path = public, pg_temp as $$
declare
    noted text := nullif(current_setting('synovia.audit_unlinked', true), '');
    inserted_ids text;
begin
    select string_agg(i.id::text, ',') into inserted_ids from inserted i;
    if inserted_ids is not null then
        perform set_config('synovia.audit_unlinked', concat_ws(',', noted, inserted_ids), true);
    end if;
    return null;
end $$;

create trigger audit_event_noted after insert on audit_event
    referencing new table as inserted for each statement execute function audit_event_note_inserted();

-- Runs at commit for every row, as in V120 (a constraint trigger cannot be per statement). The first row of a
-- transaction to get here links itself and every row the list names that its own (sub)transaction wrote, in id
-- order, which is the order they were inserted in; later rows find their link and return. A row the list does not
-- name (the list is the session's to write) is still linked, by its own trigger: every committed row gets exactly
-- one link whatever the list says, and the list can add only rows of this same transaction (same xmin), which are
-- not yet linked. The chain is chosen and held as in V120, so links stay in commit order in each chain.
-- Its look-ups go by index whatever the tables' size was when a session first planned them: a plan made while the
-- chain was small (a new database) would otherwise keep scanning it for the rest of that session.
create or replace function audit_event_link() returns trigger language plpgsql security definer
    set search_path = public, pg_temp set enable_seqscan = off as $$
declare
    chosen text := current_setting('synovia.audit_chain', true);
    noted bigint[];
    own_xmin xid;
    head audit_chain_head;
    width integer;
    preferred integer;
    event record;
    last_number bigint;
    last_hash bytea;
    numbers bigint[] := '{}';
    events bigint[] := '{}';
    previous_hashes bytea[] := '{}';
    hashes bytea[] := '{}';
begin
    if exists (select from audit_chain c where c.event_id = new.id) then
        return null;
    end if;
    noted := string_to_array(nullif(current_setting('synovia.audit_unlinked', true), ''), ',')::bigint[];
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
    last_number := head.link_number;
    last_hash := head.hash;
    select e.xmin into own_xmin from audit_event e where e.id = new.id;
    -- By primary key alone, the transaction check in the loop: with it in the query (an "or" beside the key),
    -- PostgreSQL's generic plan for the trigger came to scan the whole trail, at a cost growing with the trail.
    for event in
        select e.id, e.xmin, audit_event_content(e) as content from audit_event e
        where e.id = any(array_append(noted, new.id))
        order by e.id
    loop
        if event.id <> new.id and not (event.xmin = own_xmin) then
            continue;
        end if;
        previous_hashes := previous_hashes || last_hash;
        last_hash := sha256(last_hash || event.content);
        last_number := last_number + 1;
        numbers := numbers || last_number;
        events := events || event.id;
        hashes := hashes || last_hash;
    end loop;
    if last_number > head.link_number then
        insert into audit_chain (chain, link_number, event_id, previous_hash, hash)
            select head.chain, l.link_number, l.event_id, l.previous_hash, l.hash
            from unnest(numbers, events, previous_hashes, hashes) as l (link_number, event_id, previous_hash, hash);
        update audit_chain_head h set link_number = last_number, hash = last_hash where h.chain = head.chain;
    end if;
    -- Every row the list named is linked now (or is another subtransaction's, and links itself).
    perform set_config('synovia.audit_unlinked', '', true);
    return null;
end $$;

do $$
begin
    if exists (select from pg_roles where rolname = 'synovia_app') then
        revoke execute on function audit_event_link() from public;
    end if;
end $$;
