package org.synovia.procedure;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.booking.Appointment;
import org.synovia.notification.Attachment;
import org.synovia.notification.EmailOutbox;
import org.synovia.patient.Patient;
import org.synovia.referral.DiabetesType;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralId;
import org.synovia.referral.Referrals;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.ServiceIdentity;

/**
 * The report of a signed procedure: every version as it was sent (the original, then one amended version per
 * addendum, never changed; HAZ-44) with its PDF, for the team, the referrer and the systems it goes to, and the
 * patient's aftercare leaflet. Signing and each addendum store and queue their version in their own transaction.
 */
@Service
public class ProcedureReports {

    private final ProcedureDay day;
    private final VisitRepository visits;
    private final RecordFindings findings;
    private final ReportDocuments documents;
    private final Referrals referrals;
    private final UserAccounts accounts;
    private final EmailOutbox outbox;
    private final ServiceIdentity service;
    private final AuditTrail audit;

    ProcedureReports(ProcedureDay day, VisitRepository visits, RecordFindings findings, ReportDocuments documents,
            Referrals referrals, UserAccounts accounts, EmailOutbox outbox, ServiceIdentity service, AuditTrail audit) {
        this.day = day;
        this.visits = visits;
        this.findings = findings;
        this.documents = documents;
        this.referrals = referrals;
        this.accounts = accounts;
        this.outbox = outbox;
        this.service = service;
        this.audit = audit;
    }

    /**
     * One version of the report as it was sent (1 is the original; later ones are amended), for reading and
     * printing; the latest when {@code version} is null. Only for a signed record.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE', 'INTEGRATION')")
    public byte[] reportPdf(UUID appointmentId, Integer version) {
        VisitFacts facts = day.read(appointmentId, AuditAction.EXPORT, "ProcedureReport",
                "report PDF, " + (version == null ? "latest version" : "version " + version));
        ProcedureRecord record = signed(appointmentId);
        int latest = Math.max(1, visits.reports(appointmentId).size());
        int wanted = version == null ? latest : version;
        if (wanted < 1 || wanted > latest) {
            throw new InvalidInputException("version", "There is no report version " + wanted + ".");
        }
        // Reports stored before PDFs were kept are the original, rendered again from the final record.
        return visits.reportPdf(appointmentId, wanted).orElseGet(() -> documents.reportPdf(report(facts, record, List.of())));
    }

    /** Every version of the report as stored and sent, oldest first. */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public List<ProcedureReport.Sent> reports(UUID appointmentId) {
        Appointment appointment = day.appointment(appointmentId);
        List<ProcedureReport.Sent> sent = visits.reports(appointmentId);
        if (!sent.isEmpty()) {
            audit.record(AuditAction.READ, "ProcedureReport", appointmentId, appointment.patientId(), "versions listed");
        }
        return sent;
    }

    /**
     * Every report version sent for these appointments, oldest first, in one read however many, audited one line
     * per patient: a referrer's view of their referrals. The caller has checked that the user may see the referrals
     * the appointments belong to.
     */
    @Transactional
    public List<ReportVersion> reportVersions(Collection<UUID> appointmentIds) {
        if (appointmentIds.isEmpty()) {
            return List.of();
        }
        List<ReportVersion> versions = visits.reportVersions(appointmentIds);
        if (!versions.isEmpty()) {
            audit.recordPerPatient(AuditAction.LIST, "ProcedureReport", versions, v -> v.appointmentId() + "/" + v.version(),
                    ReportVersion::patientId, "report versions listed");
        }
        return versions;
    }

    /**
     * One version of the report as sent, for the referrer of the referral it answers: the referral must be one the
     * user may see ({@link Referrals#show}), and the appointment one of its own. Audited as an export.
     */
    @Transactional
    @PreAuthorize("hasRole('REFERRER')")
    public byte[] reportPdfForReferrer(ReferralId referralId, UUID appointmentId, int version) {
        Referral referral = referrals.show(referralId);
        ReportVersion wanted = visits.reportVersions(List.of(appointmentId)).stream()
                .filter(v -> v.referralId().equals(referral.id().value()) && v.version() == version).findFirst()
                .orElseThrow(() -> new InvalidInputException("version", "There is no report version " + version
                        + " for this referral."));
        audit.record(AuditAction.EXPORT, "ProcedureReport", appointmentId, wanted.patientId(), "PDF version " + version
                + " for the referrer");
        // Reports stored before PDFs were kept are the original, rendered again from the final record.
        return visits.reportPdf(appointmentId, version).orElseGet(() -> documents.reportPdf(signedReport(appointmentId)));
    }

    /** The patient's aftercare leaflet as a PDF, for printing; only for a signed record. */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public byte[] leafletPdf(UUID appointmentId) {
        VisitFacts facts = day.read(appointmentId, AuditAction.EXPORT, "ProcedureReport", "aftercare leaflet PDF");
        return documents.leafletPdf(report(facts, signed(appointmentId), List.of()));
    }

    /** The report of a signed record, for systems it is sent to (HL7 results); the read is audited. */
    @Transactional
    public ProcedureReport signedReport(UUID appointmentId) {
        Appointment appointment = day.appointment(appointmentId);
        ProcedureRecord record = signed(appointmentId);
        audit.record(AuditAction.EXPORT, "ProcedureReport", appointmentId, appointment.patientId(), "PDF");
        return report(day.facts(appointment), record, List.of());
    }

    private ProcedureRecord signed(UUID appointmentId) {
        return visits.record(appointmentId).filter(ProcedureRecord::signed)
                .orElseThrow(() -> new InvalidInputException("sign", "Sign the record first."));
    }

    /**
     * Stores the report with its PDF and queues it to the referrer, in the transaction that signed the record or
     * added the addendum: a signed record always has its report, and every addendum its amended report. At
     * signing the aftercare leaflet goes to the patient when an email is on record.
     *
     * @param addendum null at signing; else the addendum that makes this amended version
     */
    void send(Appointment appointment, ProcedureRecord record, Instant now, ProcedureRecord.Addendum addendum) {
        List<ProcedureRecord.Addendum> addenda = addendum == null ? List.of() : visits.addenda(appointment.id());
        VisitFacts facts = day.facts(appointment);
        ProcedureReport report = report(facts, record, addenda);
        int version = visits.reports(appointment.id()).size() + 1;
        Referral referral = facts.referral();
        Patient patient = facts.patient();
        var referrer = referral.details().referrer();
        String to = referrer == null ? null : referrer.email();
        byte[] pdf = documents.reportPdf(report);
        visits.saveReport(appointment.id(), version, addendum == null ? null : addendum.id(), report.text(), pdf, now, to);
        if (to != null) {
            outbox.queue(to, report.title() + ": " + patient.displayName() + ", " + ReportDocuments.DAY.format(report.performedOn()),
                    report.text() + "\nThe report is attached as a PDF.\n", patient.id().value(),
                    addendum == null ? "procedure-report" : "procedure-report-amended",
                    new Attachment(addendum == null ? "procedure-report.pdf" : "amended-report-" + version + ".pdf",
                            "application/pdf", pdf));
        }
        audit.record(AuditAction.EXPORT, "ProcedureReport", appointment.id(), appointment.patientId(),
                report.title() + " version " + version + " to " + (to == null ? "nobody (no referrer email)" : to));
        if (addendum != null) {
            return;
        }
        if (patient.email() != null && !patient.email().isBlank()) {
            outbox.queue(patient.email(), "After your injection", "Dear " + patient.givenName() + ",\n\nYour aftercare "
                    + "leaflet is attached. Please read it, and keep it for the next few weeks.\n\n" + service.signature(),
                    patient.id().value(), "aftercare-leaflet",
                    new Attachment("after-your-injection.pdf", "application/pdf", documents.leafletPdf(report)));
        }
    }

    private ProcedureReport report(VisitFacts facts, ProcedureRecord record, List<ProcedureRecord.Addendum> addenda) {
        Appointment appointment = facts.appointment();
        Referral referral = facts.referral();
        Patient patient = facts.patient();
        DiabetesType diabetes = referral.details().diabetes();
        var staff = accounts.staffNames();
        return ReportDocuments.report(patient.displayName(), patient.dateOfBirth(),
                patient.nhsNumber() == null ? null : patient.nhsNumber().formatted(), day.day(appointment),
                ProcedureDay.procedure(facts.accepted()), record,
                findings.painResponse(appointment.id(), record), diabetes != null && diabetes != DiabetesType.NONE, addenda,
                day.zone(),
                Stream.of(ReportDocuments.daySafetyLines(findings.storedDaySafety(appointment, referral), day.zone(), staff),
                        findings.againstProtocol(facts, record),
                        findings.againstTimeOut(appointment.id(), record)).flatMap(List::stream).toList(),
                findings.comparativeBlocks(appointment, referral, record), staff,
                record.signed() ? accounts.find(record.signedBy()).map(UserAccount::signatory).orElse(null) : null);
    }
}
