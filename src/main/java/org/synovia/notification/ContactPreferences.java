package org.synovia.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;

/** Each patient's preferred channel and opt-out (table {@code contact_preference}); every read and change is audited. */
@Service
public class ContactPreferences {

    static final String RECORD_TYPE = "ContactPreference";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Patients patients;

    ContactPreferences(JdbcClient jdbc, AuditTrail audit, Clock clock, Patients patients) {
        this.patients = patients;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The patient's preference, or none recorded; read without an audit row, for deciding a channel. */
    ContactPreference of(UUID patientId) {
        return jdbc.sql("select * from contact_preference where patient_id = ?").param(patientId)
                .query((rs, n) -> new ContactPreference(patientId,
                        rs.getString("preferred_channel") == null ? null : Channel.valueOf(rs.getString("preferred_channel")),
                        rs.getBoolean("opted_out"), rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by")))
                .optional().orElse(ContactPreference.none(patientId));
    }

    /** The patient's preference as staff see it on the patient's page. */
    @Transactional
    public ContactPreference show(UUID patientId) {
        audit.record(AuditAction.READ, RECORD_TYPE, patientId, patientId, "contact preference shown");
        return of(patientId);
    }

    /** Records the patient's choice; {@code preferred} null means no preference. */
    @Transactional
    public ContactPreference change(UUID patientId, Channel preferred, boolean optedOut) {
        if (patients.find(new PatientId(patientId)).isEmpty()) {
            throw new InvalidInputException("patientId", "There is no such patient.");
        }
        String by = CurrentUser.username();
        jdbc.sql("""
                insert into contact_preference (patient_id, preferred_channel, opted_out, changed_at, changed_by)
                values (?, ?, ?, ?, ?)
                on conflict (patient_id) do update set preferred_channel = excluded.preferred_channel,
                    opted_out = excluded.opted_out, changed_at = excluded.changed_at, changed_by = excluded.changed_by
                """).params(patientId, preferred == null ? null : preferred.name(), optedOut,
                Timestamp.from(clock.instant()), by).update();
        audit.record(AuditAction.UPDATE, RECORD_TYPE, patientId, patientId, "contact preference: "
                + (preferred == null ? "no preferred channel" : preferred.label()) + (optedOut ? ", opted out" : ""));
        return of(patientId);
    }
}
