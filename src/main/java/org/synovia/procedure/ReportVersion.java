package org.synovia.procedure;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of a procedure's report as it was sent, without its text: what a referrer's list of their
 * patients' reports shows, with the PDF to open by appointment and version.
 *
 * @param version 1 for the report as signed, then one amended version per addendum
 * @param writtenAt when this version was stored and sent
 */
public record ReportVersion(UUID appointmentId, UUID referralId, UUID patientId, int version, Instant writtenAt) {

    public boolean amended() {
        return version > 1;
    }

    /** "Procedure report", or "Amended report (version 2)". */
    public String title() {
        return new ProcedureReport.Sent(version, "", writtenAt, null).title();
    }
}
