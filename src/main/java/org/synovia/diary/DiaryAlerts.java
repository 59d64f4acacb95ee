package org.synovia.diary;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.patient.Patient;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;

/**
 * Red flags patients reported in their diary (AF-06, HAZ-46), on the team's worklist until someone acknowledges each
 * with what they did; who and when are kept.
 */
@Service
public class DiaryAlerts {

    private final DiaryRepository repository;
    private final Patients patients;
    private final AuditTrail audit;
    private final Clock clock;

    DiaryAlerts(DiaryRepository repository, Patients patients, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.patients = patients;
        this.audit = audit;
        this.clock = clock;
    }

    /** Alerts for the team: open ones first, newest first. */
    @Transactional
    @PreAuthorize("hasAnyRole('NURSE', 'RADIOLOGIST')")
    public List<DiaryAlert> alerts(boolean openOnly) {
        List<DiaryAlert> alerts = of(repository.alerts(openOnly, null, 200));
        audit.recordPerPatient(AuditAction.LIST, "DiaryAlert", alerts, DiaryAlert::id, DiaryAlert::patientId,
                "diary alerts shown");
        return alerts;
    }

    /**
     * How many red-flag alerts nobody has acknowledged yet, for the navigation and other pages; names no one. One
     * statement, so no transaction of its own: the menu of every nurse's and radiologist's page asks, and a
     * read-only transaction around it added a commit and the transaction manager's work to every such page.
     */
    public int openAlertCount() {
        return repository.openAlertCount();
    }

    /** Acknowledges an alert with what was done (called the patient, advised A&E...); who and when are kept. */
    @Transactional
    @PreAuthorize("hasAnyRole('NURSE', 'RADIOLOGIST')")
    public void acknowledge(UUID alertId, String action) {
        if (action == null || action.isBlank()) {
            throw new InvalidInputException("action", "Say what you did about this red flag (for example: phoned the patient, "
                    + "advised A&E).");
        }
        if (action.strip().length() > 1000) {
            throw new InvalidInputException("action", "Use at most 1000 characters.");
        }
        UUID patientId = repository.alertPatient(alertId)
                .orElseThrow(() -> new InvalidInputException("action", "There is no such alert."));
        if (!repository.acknowledge(alertId, clock.instant(), CurrentUser.username(), action.strip())) {
            throw new InvalidInputException("action", "Someone has already acknowledged this alert.");
        }
        audit.record(AuditAction.UPDATE, "DiaryAlert", alertId, patientId, "acknowledged: " + action.strip());
    }

    /** The alerts of these rows with their patients' names, read in one statement however many rows. */
    List<DiaryAlert> of(List<DiaryRepository.AlertRow> rows) {
        Map<PatientId, Patient> named = patients.findAll(rows.stream().map(a -> new PatientId(a.patientId())).toList());
        return rows.stream().map(a -> new DiaryAlert(a.id(), a.appointmentId(), a.patientId(),
                named.get(new PatientId(a.patientId())).displayName(), a.timePoint(), RedFlag.labelsOf(a.redFlags()),
                a.raisedAt(), a.acknowledgedAt(), a.acknowledgedBy(), a.actionTaken())).toList();
    }
}
