package org.synovia.dicom;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.booking.Appointment;

/**
 * Many booked appointments from one booked through the façades: the booking with its patient, referral, vetting,
 * slot, room, operator and session copied in SQL into {@code n} back-to-back appointments of a new room, each with
 * its own patient ({@code Testpatient<i>}, hospital number {@code P<tag>x<i, 5 digits>}). Booking hundreds through
 * the façades takes minutes; what the worklist reads is the same either way.
 */
final class BookedCopies {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    BookedCopies(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    static String hospitalNumber(String tag, int i) {
        return "P" + tag + "x" + String.format("%05d", i);
    }

    /** Copies {@code template} into {@code n} appointments of {@code minutes} each from {@code firstStart}; the new room's id. */
    UUID copy(Appointment template, int n, String tag, Instant firstStart, int minutes) {
        if (!tag.matches("[a-z0-9]{1,12}")) {
            throw new IllegalArgumentException("A copy tag is 1 to 12 lower-case letters or digits");
        }
        return transactions.execute(status -> {
            UUID templateId = jdbc.sql("select template_id from slot where id = ?").param(template.slotId()).query(UUID.class).single();
            String id = "md5('" + tag + ":' || %s || ':' || perf_n)::uuid";
            String one = id.replace("perf_n", "1");
            clone("room", "id = ?", template.roomId(), 1, "id = " + id.formatted("'room'") + ", name = 'Copied room " + tag + "'");
            clone("operator", "id = ?", template.operatorId(), 1, "id = " + id.formatted("'operator'")
                    + ", username = 'copied." + tag + "'");
            clone("session_template", "id = ?", templateId, 1, "id = " + id.formatted("'template'") + ", room_id = "
                    + one.formatted("'room'") + ", operator_id = " + one.formatted("'operator'"));
            clone("patient", "id = ?", template.patientId(), n, "id = " + id.formatted("'patient'")
                    + ", nhs_number = null, hospital_number = 'P" + tag + "x' || lpad(perf_n::text, 5, '0')"
                    + ", family_name = 'Testpatient' || perf_n, given_name = (array['Alex','Sam','Jo','Chris','Pat'])[perf_n % 5 + 1]");
            clone("referral", "id = ?", template.referralId(), n, "id = " + id.formatted("'referral'") + ", submission_key = "
                    + id.formatted("'submission'") + ", patient_id = " + id.formatted("'patient'"));
            clone("vetting_decision", "referral_id = ?", template.referralId(), n, "id = md5('" + tag
                    + ":vetting:' || id::text || ':' || perf_n)::uuid, referral_id = " + id.formatted("'referral'"));
            String start = "(timestamptz '" + firstStart + "' + (perf_n - 1) * interval '" + minutes + " minutes')";
            String end = "(" + start + " + interval '" + minutes + " minutes')";
            clone("slot", "id = ?", template.slotId(), n, "id = " + id.formatted("'slot'") + ", template_id = "
                    + one.formatted("'template'") + ", room_id = " + one.formatted("'room'") + ", operator_id = "
                    + one.formatted("'operator'") + ", starts_at = " + start + ", ends_at = " + end);
            clone("appointment", "id = ?", template.id(), n, "id = " + id.formatted("'appointment'") + ", referral_id = "
                    + id.formatted("'referral'") + ", patient_id = " + id.formatted("'patient'") + ", slot_id = "
                    + id.formatted("'slot'") + ", linked_slot_id = null, patient_link_hash = null, room_id = " + one.formatted("'room'")
                    + ", operator_id = " + one.formatted("'operator'") + ", during = tstzrange(" + start + ", " + end + ", '[)')");
            return jdbc.sql("select md5('" + tag + ":room:1')::uuid").query(UUID.class).single();
        });
    }

    /** Inserts {@code copies} copies of the rows {@code where} selects, changed by {@code set} ({@code perf_n} counts from 1). */
    private void clone(String table, String where, Object param, int copies, String set) {
        jdbc.sql("drop table if exists perf_copy").update();
        jdbc.sql("create temp table perf_copy as select t.*, g as perf_n from " + table + " t, generate_series(1, ?) g where t."
                + where).params(copies, param).update();
        jdbc.sql("update perf_copy set " + set).update();
        jdbc.sql("alter table perf_copy drop column perf_n").update();
        jdbc.sql("insert into " + table + " select * from perf_copy").update();
    }
}
