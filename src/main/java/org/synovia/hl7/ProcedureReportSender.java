package org.synovia.hl7;

import java.time.Clock;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.procedure.ProcedureCompleted;
import org.synovia.procedure.ProcedureReports;
import org.synovia.referral.ReferralId;
import org.synovia.referral.Referrals;

/**
 * When a procedure is signed, queues its report as ORU^R01 to the configured receiver (when outbound HL7
 * is on). Runs after the signing commits, from the event publication registry, so a crash between the
 * two leaves the event to be delivered again; the queue keeps one report message per appointment.
 */
@Component
class ProcedureReportSender {

    static final String ORU = "ORU^R01";

    private final Hl7Properties properties;
    private final ProcedureReports procedureReports;
    private final Patients patients;
    private final Referrals referrals;
    private final InboundLog inbound;
    private final Hl7Outbox outbox;
    private final Clock clock;

    ProcedureReportSender(Hl7Properties properties, ProcedureReports procedureReports, Patients patients, Referrals referrals,
            InboundLog inbound, Hl7Outbox outbox, Clock clock) {
        this.properties = properties;
        this.procedureReports = procedureReports;
        this.patients = patients;
        this.referrals = referrals;
        this.inbound = inbound;
        this.outbox = outbox;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ProcedureCompleted completed) {
        if (!properties.outbound().enabled()) {
            return;
        }
        String controlId = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 19);
        var patient = patients.find(new PatientId(completed.patientId())).orElseThrow();
        var referral = referrals.show(new ReferralId(completed.referralId()));
        String payload = ReportMessages.oru(new ReportMessages.Content(controlId, clock.instant(), clock.getZone(), patient,
                procedureReports.signedReport(completed.appointmentId()), completed.appointmentId(),
                referral.details().siteCode(), inbound.placerOrderNumber(completed.referralId()).orElse(null)), properties);
        outbox.queue(controlId, ORU, completed.appointmentId(), completed.patientId(), payload);
    }
}
