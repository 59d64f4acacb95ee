-- The audit trail's chain links each insert's rows when the insert ends, from the rows the insert itself wrote
-- (ADR 0117). Until now (V133, V140) every row queued a deferred constraint trigger that ran at the commit: the
-- first re-read the transaction's rows by key to hash them, found from a list of ids the session kept in a setting,
-- and every later row's trigger ran only to return. Now one statement trigger with a transition table gets the
-- insert's rows as written, hashes them and writes their link, with no read-back, no list and nothing per row.
-- The link is the same as V140's (event_ids in id order, hash over each row's content in that order), so links
-- written before this migration verify unchanged and audit_chain_verify(), the checkpoints and the page need no
-- change. The chain's head is taken at the insert instead of at the commit and, being a row lock, is held to the
-- commit as before, so the links of each chain stay in commit order.

drop trigger audit_event_chained on audit_event;
drop trigger audit_event_noted on audit_event;
drop function audit_event_note_inserted();
drop function audit_event_link();

-- After every insert into audit_event, as the owner (security definer: the application role may read the chain but
-- not write it). The transition table holds every row the insert wrote and nothing else, and the session cannot
-- change it, so no row the application inserts is left out of a link or put in another's. A (sub)transaction
-- rolled back takes its rows, their link and the head's move back together. The chain is chosen as in V120: the
-- one chosen earlier in the transaction (it holds that head already), else the one its backend's number points to
-- or the next head nobody holds, and only when every head is held it waits for its own.
create function audit_event_link() returns trigger language plpgsql security definer
    set search_path = public, pg_temp as $$
declare
    ids bigint[];
    contents bytea;
    chosen text := current_setting('synovia.audit_chain', true);
    head audit_chain_head;
    width integer;
    preferred integer;
    next_hash bytea;
begin
    select array_agg(i.id order by i.id), string_agg(audit_event_content(i), ''::bytea order by i.id)
        into ids, contents
        from inserted i;
    if ids is null then
        return null;
    end if;
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
    return null;
end $$;

create trigger audit_event_chained after insert on audit_event
    referencing new table as inserted for each statement execute function audit_event_link();

do $$
begin
    if exists (select from pg_roles where rolname = 'synovia_app') then
        revoke execute on function audit_event_link() from public;
    end if;
end $$;
