package org.synovia.procedure;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.account.StaffNames;
import org.synovia.account.UserAccounts;
import org.synovia.safety.SafetyAssessment;
import org.synovia.shared.CurrentUser;
import org.synovia.vetting.AcceptedProtocols;
import org.synovia.vetting.Protocol;

/**
 * Everything the visit page and the record page show for one patient, read in one transaction: the appointment,
 * referral, patient and accepted protocol once each, the engine's answer at the booked start once, and one audit line
 * for the patient naming what the page read, rather than a line per façade call (issue 16, ADR 0115).
 */
@Service
public class ProcedurePages {

    static final String VISIT_PAGE = "visit page: patient panel (identity, allergies, safety answer), appointment, referral, "
            + "accepted protocol";
    static final String CLINICAL_PARTS = ", checklist, day safety, consent";
    static final String RECORD_PAGE = "record page: patient panel (identity, allergies, safety answer), appointment, "
            + "referral, accepted protocol, record, addenda, day safety, pain scores, report versions";

    private static final StaffNames NO_NAMES = new StaffNames(java.util.Map.of());

    private final ProcedureDay day;
    private final Visits visits;
    private final Checklists checklists;
    private final Consents consents;
    private final VisitRepository records;
    private final DaySafetyRepository dayRecords;
    private final RecordFindings findings;
    private final UserAccounts accounts;

    ProcedurePages(ProcedureDay day, Visits visits, Checklists checklists, Consents consents, VisitRepository records,
            DaySafetyRepository dayRecords, RecordFindings findings, UserAccounts accounts) {
        this.day = day;
        this.visits = visits;
        this.checklists = checklists;
        this.consents = consents;
        this.records = records;
        this.dayRecords = dayRecords;
        this.findings = findings;
        this.accounts = accounts;
    }

    /**
     * The visit page: the patient's line and panel, and for a nurse or radiologist once the patient has arrived the
     * checklist, the day's safety and consent (given, refused, or the text to agree to).
     */
    public record VisitPage(DayListEntry entry, PatientPanel panel, Checklist checklist, DaySafety daySafety,
            Optional<ConsentDocument.Given> consent, Optional<ConsentDocument.Refusal> refusal, ConsentDocument consentDocument) {

        /** Whether the checklist, day safety and consent are on the page. */
        public boolean clinical() {
            return checklist != null;
        }
    }

    /** The record page: the draft or signed record with what it is checked against, its addenda, scores and reports. */
    public record RecordPage(DayListEntry entry, PatientPanel panel, Optional<ProcedureRecord> record,
            List<ProcedureRecord.Addendum> addenda, List<String> daySafetyLines, List<String> againstTimeOut,
            List<String> againstProtocol, List<String> comparativeBlockLines, Optional<PainResponse> pain,
            List<ProcedureReport.Sent> reports, Optional<Protocol> acceptedProtocol, List<DrugToGive> timeOutDrugs) {
    }

    @Transactional
    @PreAuthorize("hasAnyRole('BOOKING', 'RADIOLOGIST', 'NURSE')")
    public VisitPage visit(UUID appointmentId) {
        boolean clinical = CurrentUser.hasRole("NURSE") || CurrentUser.hasRole("RADIOLOGIST");
        VisitFacts facts = day.read(appointmentId, Visits.RECORD_TYPE, clinical ? VISIT_PAGE + CLINICAL_PARTS : VISIT_PAGE);
        Optional<SafetyAssessment> assessment = visits.assessment(facts.referral(), facts.patient(), facts.accepted(),
                facts.start());
        Optional<UrgentPathway> urgent = dayRecords.urgentPathway(appointmentId);
        // Names are read only when the urgent pathway shows someone.
        StaffNames staff = urgent.isEmpty() ? NO_NAMES : accounts.staffNames();
        DayListEntry entry = visits.entry(facts, assessment, urgent, staff);
        PatientPanel panel = visits.panel(facts, assessment, urgent, staff);
        if (!clinical || entry.status() == VisitStatus.BOOKED || entry.status() == VisitStatus.DID_NOT_ATTEND) {
            return new VisitPage(entry, panel, null, null, Optional.empty(), Optional.empty(), null);
        }
        Optional<ConsentDocument.Refusal> refusal = records.consentRefusal(appointmentId);
        Optional<ConsentDocument.Given> consent = records.consent(appointmentId);
        return new VisitPage(entry, panel, checklists.checklist(facts, assessment), checklists.daySafety(facts, urgent),
                consent, refusal, consent.isEmpty() && refusal.isEmpty() ? consents.consentDocument(facts) : null);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public RecordPage record(UUID appointmentId) {
        VisitFacts facts = day.read(appointmentId, "ProcedureRecord", RECORD_PAGE);
        Optional<SafetyAssessment> assessment = visits.assessment(facts.referral(), facts.patient(), facts.accepted(),
                facts.start());
        Optional<UrgentPathway> urgent = dayRecords.urgentPathway(appointmentId);
        StaffNames staff = accounts.staffNames();
        Optional<ProcedureRecord> record = records.record(appointmentId);
        DaySafety stored = findings.storedDaySafety(facts.appointment(), facts.referral(), urgent);
        List<DrugToGive> timeOutDrugs = findings.confirmedTimeOutDrugs(appointmentId, stored::checks);
        return new RecordPage(visits.entry(facts, assessment, urgent, staff), visits.panel(facts, assessment, urgent, staff),
                record, records.addenda(appointmentId), ReportDocuments.daySafetyLines(stored, facts.zone(), staff),
                record.map(r -> RecordFindings.againstTimeOut(timeOutDrugs, r)).orElse(List.of()),
                record.map(r -> findings.againstProtocol(facts, r)).orElse(List.of()),
                record.map(r -> findings.comparativeBlocks(facts.appointment(), facts.referral(), r)).orElse(List.of()),
                record.map(r -> findings.painResponse(appointmentId, r)), records.reports(appointmentId),
                record.isPresent() ? Optional.empty() : facts.accepted().map(AcceptedProtocols.AcceptedProtocol::protocol),
                record.isPresent() ? List.of() : timeOutDrugs);
    }
}
