package org.synovia.procedure;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.account.UserAccounts;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.booking.Appointment;
import org.synovia.referral.ReferralId;
import org.synovia.referral.ReferralStatus;
import org.synovia.referral.Referrals;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;

/**
 * The record of what was done: saved as a draft after the time-out, checked against the protocol and the time-out,
 * with timed pain scores and, once signed, final (the database refuses any change) and amended only by addenda, each
 * of which sends an amended report. Signing moves the referral to done, sends the report and publishes
 * {@link ProcedureCompleted}, all in one transaction. Every read and write is audited.
 */
@Service
public class ProcedureRecords {

    private final ProcedureDay day;
    private final VisitRepository visits;
    private final DaySafetyChecks daySafety;
    private final RecordFindings findings;
    private final ProcedureReports reports;
    private final Referrals referrals;
    private final UserAccounts accounts;
    private final ProcedureProperties properties;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    ProcedureRecords(ProcedureDay day, VisitRepository visits, DaySafetyChecks daySafety, RecordFindings findings,
            ProcedureReports reports, Referrals referrals, UserAccounts accounts,
            ProcedureProperties properties, ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
        this.day = day;
        this.visits = visits;
        this.daySafety = daySafety;
        this.findings = findings;
        this.reports = reports;
        this.referrals = referrals;
        this.accounts = accounts;
        this.properties = properties;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Saves the record of what was done, after time-out, replacing an unsigned draft. Refused beside its field
     * when incomplete, when a drug's batch has expired (HAZ-40), or when the record is signed (HAZ-41).
     */
    @Transactional
    @PreAuthorize("hasRole('RADIOLOGIST')")
    public ProcedureRecord saveRecord(UUID appointmentId, ProcedureRecord entered) {
        Appointment appointment = day.appointment(appointmentId);
        day.refuseWhenStoppedBeforeTimeOut(appointmentId,
                day.lockCheckedIn(appointmentId, "operator", "Check the patient in first."), "operator");
        if (!day.confirmed(appointmentId, ChecklistStep.TIME_OUT)) {
            throw new InvalidInputException("operator", "Confirm the time-out before recording the procedure.");
        }
        daySafety.holds(appointmentId, ChecklistStep.TIME_OUT).ifPresent(why -> {
            throw new InvalidInputException("operator", why);
        });
        ProcedureRecord.check(entered, day.day(appointment));
        ProcedureRecord draft = entered.asDraft(clock.instant(), CurrentUser.username());
        if (!visits.saveDraft(appointmentId, appointment.referralId(), appointment.patientId(), draft)) {
            throw new InvalidInputException("operator", "This record is signed and cannot be changed; add an addendum.");
        }
        audit.record(AuditAction.UPDATE, "ProcedureRecord", appointmentId, appointment.patientId(), "draft saved");
        return visits.record(appointmentId).orElseThrow();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE', 'INTEGRATION')")
    public Optional<ProcedureRecord> record(UUID appointmentId) {
        return day.readAudited(appointmentId, "ProcedureRecord", visits::record);
    }

    /**
     * The signed record, for work the system does after signing (the diary starts from its pain score before
     * the injection). Refused inside a user's request: pages use {@link #record(UUID)}.
     */
    @Transactional
    public Optional<ProcedureRecord> signedRecordForSystem(UUID appointmentId) {
        if (!CurrentUser.SYSTEM.equals(CurrentUser.username())) {
            throw new AccessDeniedException("for system work only");
        }
        Appointment appointment = day.appointment(appointmentId);
        var record = visits.record(appointmentId).filter(ProcedureRecord::signed);
        record.ifPresent(r -> audit.record(AuditAction.READ, "ProcedureRecord", appointmentId, appointment.patientId(),
                "read to start the diary"));
        return record;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public List<ProcedureRecord.Addendum> addenda(UUID appointmentId) {
        return visits.addenda(appointmentId);
    }

    /**
     * Records a pain score taken {@code minutesAfter} the injection (facts DX-05), with who and when. Allowed once
     * the record is saved, and after signing too: recovery observations go on (ADR 0015). A score is never
     * changed once written.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public PainResponse addPainScore(UUID appointmentId, Integer minutesAfter, Integer score) {
        Appointment appointment = day.appointment(appointmentId);
        PainScore.check(minutesAfter, score);
        if (visits.record(appointmentId).isEmpty()) {
            throw new InvalidInputException("minutesAfter", "Save the procedure record (with the score before) first.");
        }
        visits.addPainScore(appointmentId, new PainScore(minutesAfter, score, clock.instant(), CurrentUser.username()));
        audit.record(AuditAction.CREATE, "PainScore", appointmentId, appointment.patientId(),
                "NRS " + score + " at " + minutesAfter + " min");
        return painResponse(appointmentId).orElseThrow();
    }

    /** The score before and the timed scores after, read against the configured thresholds; empty before a record. */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE', 'INTEGRATION')")
    public Optional<PainResponse> painResponse(UUID appointmentId) {
        Appointment appointment = day.appointment(appointmentId);
        var response = visits.record(appointmentId).map(r -> findings.painResponse(appointmentId, r));
        response.ifPresent(r -> audit.record(AuditAction.READ, "PainScore", appointmentId, appointment.patientId(), null));
        return response;
    }

    /**
     * The relief a diagnostic injection must reach (settings {@code synovia.procedure.diagnostic-relief-percent} and
     * {@code dual-block-relief-percent}; facts DX-01..04): one setting for the procedure day and the diary alike.
     */
    public ReliefThresholds reliefThresholds() {
        return properties.thresholds();
    }

    /** The minutes after the injection at which scores are suggested (setting {@code synovia.procedure.pain-score-minutes}). */
    public List<Integer> suggestedPainScoreMinutes() {
        return properties.painScoreMinutes();
    }

    /**
     * Signs the record after sign-out: from now on it is final (the database refuses any change), the
     * referral is done, and {@link ProcedureCompleted} is published for the report and the diary.
     */
    @Transactional
    @PreAuthorize("hasRole('RADIOLOGIST')")
    public ProcedureRecord sign(UUID appointmentId) {
        Appointment appointment = day.appointment(appointmentId);
        VisitStatus status = day.lockCheckedIn(appointmentId, "sign", "Check the patient in first.");
        ProcedureRecord record = visits.record(appointmentId)
                .orElseThrow(() -> new InvalidInputException("sign", "Save the procedure record before signing it."));
        if (record.signed()) {
            throw new InvalidInputException("sign", "This record is already signed.");
        }
        day.refuseWhenStoppedBeforeTimeOut(appointmentId, status, "sign");
        if (!day.confirmed(appointmentId, ChecklistStep.SIGN_OUT)) {
            throw new InvalidInputException("sign", "Confirm the sign-out before signing the record.");
        }
        var now = clock.instant();
        if (!visits.sign(appointmentId, now, CurrentUser.username())) {
            throw new InvalidInputException("sign", "This record is already signed.");
        }
        referrals.advance(new ReferralId(appointment.referralId()), ReferralStatus.DONE,
                "procedure done; record signed by " + accounts.staffNames().of(CurrentUser.username()));
        audit.record(AuditAction.UPDATE, "ProcedureRecord", appointmentId, appointment.patientId(), "signed");
        reports.send(appointment, visits.record(appointmentId).orElseThrow(), now, null);
        events.publishEvent(new ProcedureCompleted(appointmentId, appointment.referralId(), appointment.patientId(), now,
                CurrentUser.username()));
        return visits.record(appointmentId).orElseThrow();
    }

    /**
     * Adds a correction or later finding to a signed record, with why; the original stays as it was. An amended
     * report (the original content and every addendum so far) is stored and sent to the referrer in the same
     * transaction; the earlier versions stay stored (HAZ-44).
     */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public ProcedureRecord.Addendum addAddendum(UUID appointmentId, String text, String reason) {
        Appointment appointment = day.appointment(appointmentId);
        String body = ProcedureDay.text("text", text, "Write the addendum.");
        String why = ProcedureDay.text("reason", reason, "Say why the addendum is needed.");
        visits.lock(appointmentId); // one addendum at a time, so report versions number in order
        ProcedureRecord signed = visits.record(appointmentId).filter(ProcedureRecord::signed)
                .orElseThrow(() -> new InvalidInputException("text", "Only a signed record takes addenda; change the draft instead."));
        UUID id = UUID.randomUUID();
        var now = clock.instant();
        visits.addAddendum(id, appointmentId, body, why, now, CurrentUser.username());
        audit.record(AuditAction.CREATE, "ProcedureAddendum", id, appointment.patientId(), why);
        ProcedureRecord.Addendum added = visits.addenda(appointmentId).stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow();
        reports.send(appointment, signed, now, added);
        return added;
    }
}
