package org.synovia.fuzz;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the database must still say after a fuzz round (ADR 0066), each chosen to catch a write cut in half or a
 * write nobody was told about:
 * <ol>
 * <li>no referral or patient made in the round without an audit row naming it (the row is written in the same
 * transaction);</li>
 * <li>no referral without its patient's row, and no appointment without its referral's;</li>
 * <li>every referral and patient made during the round was acknowledged: its id is in an answer (a redirect to
 * its page, a FHIR Location or transaction entry) or in the HL7 inbound log of an accepted message;</li>
 * <li>every HL7 message the listener acknowledged is in the inbound log;</li>
 * <li>the audit chain has no more broken links than before the round.</li>
 * </ol>
 */
final class Invariants {

    private static final Pattern ROUND_CONTROL_ID = Pattern.compile("F\\d+x\\d+");

    record Snapshot(Set<String> referrals, Set<String> patients, long auditProblems) {
    }

    private final JdbcClient jdbc;

    Invariants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Snapshot snapshot() {
        return new Snapshot(ids("select id::text from referral"), ids("select id::text from patient"),
                count("select count(*) from audit_chain_verify()"));
    }

    List<String> check(Snapshot before, Set<String> acknowledgedIds, Collection<String> acknowledgedControlIds) {
        List<String> broken = new ArrayList<>();
        Snapshot after = snapshot();
        Set<String> made = new HashSet<>(after.referrals());
        made.removeAll(before.referrals());
        Set<String> madePatients = new HashSet<>(after.patients());
        madePatients.removeAll(before.patients());
        made.addAll(madePatients);
        if (!made.isEmpty()) {
            // Set-based (one scan of the trail each), not a lookup per id: the trail holds a row per request.
            String[] ids = made.toArray(String[]::new);
            Set<String> named = new HashSet<>(jdbc.sql("select distinct record_id from audit_event where record_id = any(cast(? as varchar[]))")
                    .param(ids).query(String.class).list());
            named.addAll(jdbc.sql("select distinct patient_id::text from audit_event where patient_id = any(cast(? as uuid[]))")
                    .param(ids).query(String.class).list());
            java.util.Map<String, String> patientOf = new java.util.HashMap<>();
            jdbc.sql("select id::text, patient_id::text from referral where id = any(cast(? as uuid[]))").param(ids)
                    .query((rs, n) -> patientOf.put(rs.getString(1), rs.getString(2))).list();
            Set<String> patientsOfMade = new HashSet<>(patientOf.values());
            patientsOfMade.removeAll(named);
            if (!patientsOfMade.isEmpty()) {
                named.addAll(jdbc.sql("select distinct patient_id::text from audit_event where patient_id = any(cast(? as uuid[]))")
                        .param(patientsOfMade.toArray(String[]::new)).query(String.class).list());
            }
            List<String> unaudited = made.stream().filter(id -> !named.contains(id)
                    && !(patientOf.containsKey(id) && named.contains(patientOf.get(id)))).toList();
            if (!unaudited.isEmpty()) {
                broken.add(unaudited.size() + " referrals or patients made without an audit row, e.g. " + unaudited.get(0));
            }
        }
        Set<String> fromHl7 = ids("select referral_id::text from hl7_inbound_message where referral_id is not null and ack_code = 'AA'");
        fromHl7.addAll(ids("select patient_id::text from hl7_inbound_message where patient_id is not null and ack_code = 'AA'"));
        for (String[] table : List.of(new String[] { "referral", "referrals" }, new String[] { "patient", "patients" })) {
            Set<String> unacknowledged = new HashSet<>(table[0].equals("referral") ? after.referrals() : after.patients());
            unacknowledged.removeAll(table[0].equals("referral") ? before.referrals() : before.patients());
            unacknowledged.removeAll(acknowledgedIds);
            unacknowledged.removeAll(fromHl7);
            if (!unacknowledged.isEmpty()) {
                broken.add(unacknowledged.size() + " " + table[1] + " made without an acknowledgement, e.g. "
                        + unacknowledged.iterator().next() + "; made by " + makers(unacknowledged));
            }
        }
        List<String> roundIds = acknowledgedControlIds.stream().filter(id -> ROUND_CONTROL_ID.matcher(id).matches()).toList();
        if (!roundIds.isEmpty()) {
            Set<String> logged = new HashSet<>(jdbc.sql("select control_id from hl7_inbound_message where control_id in (:ids)")
                    .param("ids", roundIds).query(String.class).list());
            List<String> missing = roundIds.stream().filter(id -> !logged.contains(id)).toList();
            if (!missing.isEmpty()) {
                broken.add(missing.size() + " acknowledged HL7 messages not in the inbound log, e.g. " + missing.get(0));
            }
        }
        if (after.auditProblems() > before.auditProblems()) {
            broken.add((after.auditProblems() - before.auditProblems()) + " new broken links in the audit chains; the first of each: "
                    + firstBrokenLinkPerChain());
        }
        return broken;
    }

    /** Every chain walked; the first problem of each chain that has one (and of the rows in none), in the walk's order. */
    private List<String> firstBrokenLinkPerChain() {
        return jdbc.sql("""
                select coalesce('chain ' || chain, 'no chain') || ': ' || problem || coalesce(' at link ' || link_number, '')
                       || coalesce(', audit row ' || event_id, '')
                from (select distinct on (v.chain) v.* from audit_chain_verify() with ordinality v
                      order by v.chain nulls last, v.ordinality) first_of_each
                order by chain nulls last
                """).query(String.class).list();
    }

    /** Who made these rows, from the audit trail and the HL7 log, so that a failure names the door it came through. */
    private String makers(Set<String> ids) {
        String[] some = ids.stream().limit(5).toArray(String[]::new);
        List<String> audit = jdbc.sql("select record_id || ' ' || username || ' ' || action || ' ' || record_type || ' '"
                        + " || coalesce(details, '') from audit_event where record_id = any(cast(? as varchar[]))"
                        + " and action = 'CREATE' order by id limit 10").param(some).query(String.class).list();
        List<String> hl7 = jdbc.sql("select coalesce(referral_id::text, patient_id::text) || ' HL7 ' || ack_code || ' '"
                        + " || left(outcome, 200) from hl7_inbound_message where referral_id = any(cast(? as uuid[]))"
                        + " or patient_id = any(cast(? as uuid[])) limit 10").param(some).param(some)
                .query(String.class).list();
        return audit + " " + hl7;
    }

    private Set<String> ids(String sql) {
        return new HashSet<>(jdbc.sql(sql).query(String.class).list());
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
