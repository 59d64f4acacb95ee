package org.synovia.procedure;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.account.UserAccounts;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.booking.Appointment;
import org.synovia.referral.DiabetesType;
import org.synovia.referral.Referral;
import org.synovia.safety.SafetyAssessment;
import org.synovia.safety.SafetyOverrides;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.YesNoUnknown;
import org.synovia.vetting.AcceptedProtocols;
import org.synovia.waitinglist.Funding;

/**
 * The NatSSIPs checklist of a visit (sign-in, time-out, sign-out; facts NS-03..05) with the hospital's own checks,
 * its discrepancies, and the day's safety around it: the observations measured at sign-in, the engine asked again at
 * sign-in and at time-out with the drugs about to be given, and a radiologist's decision on each finding that holds
 * the next step (ADR 0033, 0043). Every read and write is audited in the same transaction.
 */
@Service
public class Checklists {

    private final ProcedureDay day;
    private final VisitRepository visits;
    private final DaySafetyRepository dayRecords;
    private final DaySafetyChecks daySafety;
    private final RecordFindings findings;
    private final AcceptedProtocols protocols;
    private final ProcedureProperties properties;
    private final Funding funding;
    private final SafetyOverrides overrides;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    Checklists(ProcedureDay day, VisitRepository visits, DaySafetyRepository dayRecords, DaySafetyChecks daySafety,
            RecordFindings findings, AcceptedProtocols protocols, ProcedureProperties properties, Funding funding,
            SafetyOverrides overrides, UserAccounts accounts, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.day = day;
        this.visits = visits;
        this.dayRecords = dayRecords;
        this.daySafety = daySafety;
        this.findings = findings;
        this.protocols = protocols;
        this.properties = properties;
        this.funding = funding;
        this.overrides = overrides;
        this.audit = audit;
        this.clock = clock;
    }

    /** The patient's checklist so far, with the items that apply to them. */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public Checklist checklist(UUID appointmentId) {
        Appointment appointment = day.appointment(appointmentId);
        Checklist checklist = checklist(appointment);
        audit.record(AuditAction.READ, "Checklist", appointmentId, appointment.patientId(), null);
        return checklist;
    }

    private Checklist checklist(Appointment appointment) {
        return new Checklist(context(appointment), visits.confirmations(appointment.id()),
                visits.discrepancies(appointment.id()), Checklist.localChecks(properties.localChecks()));
    }

    /**
     * The checklist from what a page has read already, with the engine's answer at the booked start it computed once;
     * not audited here (the page's one line covers it).
     */
    Checklist checklist(VisitFacts facts, Optional<SafetyAssessment> assessment) {
        return new Checklist(context(facts.referral(), facts.accepted(), assessment), visits.confirmations(facts.id()),
                visits.discrepancies(facts.id()), Checklist.localChecks(properties.localChecks()));
    }

    private ChecklistContext context(Appointment appointment) {
        Referral referral = day.referral(appointment);
        var accepted = protocols.forReferral(referral.id());
        return context(referral, accepted, accepted.map(a -> protocols.checkAt(referral.id(), day.start(appointment)).assessment()));
    }

    private static ChecklistContext context(Referral referral, Optional<AcceptedProtocols.AcceptedProtocol> accepted,
            Optional<SafetyAssessment> assessment) {
        boolean ionising = accepted.map(a -> a.protocol().guidance().ionising()).orElse(true);
        boolean inr = assessment.filter(a -> a.medicationPlans().stream().anyMatch(p -> p.inrCheck() != null)).isPresent();
        DiabetesType diabetes = referral.details().diabetes();
        return new ChecklistContext(!referral.details().antithrombotics().isEmpty(), inr, ionising,
                diabetes != null && diabetes != DiabetesType.NONE);
    }

    /**
     * Confirms one step of the NatSSIPs checklist (facts NS-03..05) with every item that applies ticked; steps
     * go in order, none is skipped or repeated, and nothing goes on while a discrepancy is open. Sign-out ends
     * the patient's visit. Each confirmation stores the checks as shown (NatSSIPs and local), who and when.
     *
     * @param ticked the codes of the checks ticked ({@link ChecklistCheck#code()})
     */
    @Transactional(noRollbackFor = TimeOutHeld.class)
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public Checklist confirm(UUID appointmentId, ChecklistStep step, Set<String> ticked) {
        return confirm(appointmentId, step, ticked, null);
    }

    /**
     * Confirms the time-out with the drugs, doses and volumes about to be given (issue 12 §3, ADR 0043): the form
     * starts from the accepted protocol, so only changes are typed. The engine runs with them and the day's values;
     * a STOP not overridden, a review not decided or a decision not to go ahead holds the time-out, and the run is
     * kept (committed) for a radiologist to decide on. Confirmed again with the same drugs after a decision, the same
     * run counts; with other drugs the engine runs again. The procedure record starts from the drugs confirmed.
     *
     * @param drugs the form's rows, an empty row as null or all-empty
     */
    @Transactional(noRollbackFor = TimeOutHeld.class)
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public Checklist confirmTimeOut(UUID appointmentId, Set<String> ticked, List<DrugToGive.Row> drugs) {
        return confirm(appointmentId, ChecklistStep.TIME_OUT, ticked, drugs == null ? List.of() : drugs);
    }

    /** @param typed the time-out's drug rows; null to confirm the time-out with what its form starts from */
    private Checklist confirm(UUID appointmentId, ChecklistStep step, Set<String> ticked, List<DrugToGive.Row> typed) {
        Appointment appointment = day.appointment(appointmentId);
        VisitStatus status = day.lockCheckedIn(appointmentId, "items", "Check the patient in before the checklist.");
        if (status == VisitStatus.DONE) {
            throw new InvalidInputException("items", "The checklist is complete.");
        }
        if (step != ChecklistStep.SIGN_OUT) {
            status.refuseWhenStopped("items");
            // No injection without permission to treat: funding approved and in date today (ADR 0072).
            funding.requireCleared(appointment.referralId(), LocalDate.now(clock), "items");
        }
        else {
            day.refuseWhenStoppedBeforeTimeOut(appointmentId, status, "items");
        }
        Checklist checklist = checklist(appointment);
        checklist.checkConfirmable(step, ticked == null ? Set.of() : ticked);
        if (step == ChecklistStep.SIGN_IN && visits.consent(appointmentId).isEmpty()) {
            throw new InvalidInputException("items", "Record the patient's consent before sign-in.");
        }
        if (step == ChecklistStep.TIME_OUT) {
            daySafety.holds(appointmentId, ChecklistStep.SIGN_IN).ifPresent(why -> {
                throw new InvalidInputException("items", why);
            });
        }
        if (step != ChecklistStep.SIGN_OUT) {
            askTheEngine(appointment, step, typed);
        }
        String items = checklist.checks(step).stream().map(ChecklistCheck::asShown).collect(Collectors.joining("\n"));
        visits.confirm(appointmentId, step, items, clock.instant(), CurrentUser.username());
        if (step == ChecklistStep.SIGN_OUT) {
            visits.done(appointmentId);
        }
        audit.record(AuditAction.UPDATE, "Checklist", appointmentId, appointment.patientId(), step.label() + " confirmed");
        return checklist(appointmentId);
    }

    /** Runs the engine at sign-in; at time-out with the drugs about to be given, held by a finding not yet decided. */
    private void askTheEngine(Appointment appointment, ChecklistStep step, List<DrugToGive.Row> typed) {
        Referral referral = day.referral(appointment);
        var patient = day.patient(appointment.patientId());
        String procedure = day.procedure(referral.id());
        if (step == ChecklistStep.SIGN_IN) {
            daySafety.runAndStore(appointment, referral, patient, procedure, step, null, day.zone());
            return;
        }
        List<DrugToGive> drugs = typed == null ? timeOutFormDrugs(appointment, referral) : DrugToGive.checked(typed);
        DaySafetyCheck check = daySafety.sameAsLatest(appointment.id(), step, drugs).orElseGet(() ->
                daySafety.runAndStore(appointment, referral, patient, procedure, step, drugs, day.zone()));
        if (check.holdsNext()) {
            throw new TimeOutHeld("Time-out not confirmed: " + check.holdsNextStep(accounts.staffNames()).orElseThrow());
        }
    }

    /** What the time-out form starts from: the drugs of the latest time-out run (held, say), else the protocol's. */
    private List<DrugToGive> timeOutFormDrugs(Appointment appointment, Referral referral) {
        return timeOutFormDrugs(dayRecords.checks(appointment.id()), () -> protocols.forReferral(referral.id()).isPresent()
                ? daySafety.protocolDrugs(appointment, referral, day.zone()) : List.of());
    }

    private static List<DrugToGive> timeOutFormDrugs(List<DaySafetyCheck> checks,
            java.util.function.Supplier<List<DrugToGive>> protocolDrugs) {
        return DaySafetyCheck.latest(checks, ChecklistStep.TIME_OUT).map(DaySafetyCheck::drugsChecked)
                .filter(d -> !d.isEmpty()).orElseGet(protocolDrugs);
    }

    /**
     * The drugs the confirmed time-out checked, for the procedure record to start from; empty before the time-out
     * is confirmed, and for a time-out confirmed before the drugs were kept as values.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public List<DrugToGive> timeOutDrugs(UUID appointmentId) {
        Appointment appointment = day.appointment(appointmentId);
        List<DrugToGive> drugs = findings.confirmedTimeOutDrugs(appointmentId);
        audit.record(AuditAction.READ, "DaySafetyCheck", appointmentId, appointment.patientId(), "time-out drugs");
        return drugs;
    }

    /** Records a discrepancy at the current step; the procedure stops until it is resolved (facts NS-04). */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public Checklist raiseDiscrepancy(UUID appointmentId, String description) {
        Appointment appointment = day.appointment(appointmentId);
        String text = ProcedureDay.text("description", description, "Describe the discrepancy.");
        day.lockCheckedIn(appointmentId, "description", "Check the patient in before the checklist.");
        ChecklistStep step = new Checklist(context(appointment), visits.confirmations(appointmentId), List.of()).next()
                .orElseThrow(() -> new InvalidInputException("description", "The checklist is complete."));
        visits.raise(UUID.randomUUID(), appointmentId, step, text, clock.instant(), CurrentUser.username());
        audit.record(AuditAction.UPDATE, "Checklist", appointmentId, appointment.patientId(), "discrepancy at " + step.label());
        return checklist(appointmentId);
    }

    /** Resolves an open discrepancy, saying how; who and when are kept with it. */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public Checklist resolveDiscrepancy(UUID appointmentId, UUID discrepancyId, String resolution) {
        Appointment appointment = day.appointment(appointmentId);
        String text = ProcedureDay.text("resolution", resolution, "Say how the discrepancy was resolved.");
        if (discrepancyId == null || !visits.resolve(discrepancyId, appointmentId, text, clock.instant(), CurrentUser.username())) {
            throw new InvalidInputException("resolution", "This discrepancy is not open.");
        }
        audit.record(AuditAction.UPDATE, "Checklist", appointmentId, appointment.patientId(), "discrepancy resolved");
        return checklist(appointmentId);
    }

    /**
     * Records what sign-in measured, as values (issue 12 §3): temperature, blood pressure and the state of the
     * target always, capillary glucose for people with diabetes, the INR with its time for patients on a vitamin K
     * antagonist. Refused beside each field when missing or out of range; allowed again (a new set) until the
     * time-out, whose safety check reads the latest.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public DaySafety recordObservations(UUID appointmentId, Double temperatureCelsius, Double capillaryGlucoseMmolPerL,
            Integer systolicMmHg, Integer diastolicMmHg, Double inr, LocalDateTime inrTakenAt, YesNoUnknown targetHot,
            YesNoUnknown targetSwollen, YesNoUnknown targetRed) {
        Appointment appointment = day.appointment(appointmentId);
        day.lockCheckedIn(appointmentId, "temperatureCelsius", "Check the patient in first.").refuseWhenStopped("temperatureCelsius");
        if (day.confirmed(appointmentId, ChecklistStep.TIME_OUT)) {
            throw new InvalidInputException("temperatureCelsius", "The time-out is done: add anything measured later to the record.");
        }
        Referral referral = day.referral(appointment);
        SignInObservations.check(temperatureCelsius, capillaryGlucoseMmolPerL, systolicMmHg, diastolicMmHg, inr, inrTakenAt,
                targetHot, targetSwollen, targetRed, DaySafetyChecks.required(referral),
                LocalDateTime.ofInstant(clock.instant(), day.zone()));
        var now = clock.instant();
        SignInObservations observations = new SignInObservations(now, temperatureCelsius, capillaryGlucoseMmolPerL,
                systolicMmHg, diastolicMmHg, inr, inrTakenAt == null ? null : inrTakenAt.atZone(day.zone()).toInstant(),
                targetHot, targetSwollen, targetRed, CurrentUser.username());
        UUID id = UUID.randomUUID();
        dayRecords.addObservations(id, appointmentId, appointment.patientId(), observations, now);
        audit.record(AuditAction.CREATE, "ProcedureObservation", id, appointment.patientId(), observations.summary(day.zone()));
        return daySafety(appointmentId);
    }

    /** The day's safety picture: what to measure, the latest values, the engine's answer now and at each step. */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public DaySafety daySafety(UUID appointmentId) {
        Appointment appointment = day.appointment(appointmentId);
        Referral referral = day.referral(appointment);
        var observations = dayRecords.latestObservations(appointmentId).map(Map.Entry::getValue);
        List<DaySafetyCheck.Finding> current = List.of();
        String drugs = "";
        if (protocols.forReferral(referral.id()).isPresent()) {
            var assessed = daySafety.assess(appointment, referral, day.zone());
            current = assessed.findings();
            drugs = assessed.drugs();
        }
        DaySafety safety = new DaySafety(DaySafetyChecks.required(referral), observations, current, drugs,
                dayRecords.checks(appointmentId), dayRecords.urgentPathway(appointmentId),
                dayRecords.surgeonNotice(appointment.referralId()), timeOutFormDrugs(appointment, referral));
        audit.record(AuditAction.READ, "DaySafety", appointmentId, appointment.patientId(), null);
        return safety;
    }

    /**
     * The day's safety picture from what a page has read already, the day's records read once each; not audited here
     * (the page's one line covers it).
     */
    DaySafety daySafety(VisitFacts facts, Optional<UrgentPathway> urgent) {
        var observations = dayRecords.latestObservations(facts.id());
        List<DaySafetyCheck> checks = dayRecords.checks(facts.id());
        List<DaySafetyCheck.Finding> current = List.of();
        String drugs = "";
        if (facts.accepted().isPresent()) {
            var assessed = daySafety.assess(facts, observations, checks);
            current = assessed.findings();
            drugs = assessed.drugs();
        }
        return new DaySafety(DaySafetyChecks.required(facts.referral()), observations.map(Map.Entry::getValue), current, drugs,
                checks, urgent, dayRecords.surgeonNotice(facts.appointment().referralId()),
                timeOutFormDrugs(checks, () -> daySafety.protocolDrugs(facts)));
    }

    /**
     * A radiologist's decision on a finding of the latest sign-in or time-out run that needs one: a STOP overridden
     * with a reason by the role and grade the clinic names (the override policy, ADR 0035), or a review finding decided
     * (go ahead, or not) with a reason by any radiologist; who and when are kept, and the decision is never changed.
     */
    @Transactional
    @PreAuthorize("hasRole('RADIOLOGIST')")
    public DaySafety decide(UUID appointmentId, ChecklistStep step, String ruleId, DaySafetyCheck.Decision.Kind kind,
            String reason) {
        Appointment appointment = day.appointment(appointmentId);
        String why = ProcedureDay.text("reason", reason, "Give the reason for your decision.");
        day.lockCheckedIn(appointmentId, "reason", "Check the patient in first.");
        DaySafetyCheck check = DaySafetyCheck.latest(dayRecords.checks(appointmentId), step)
                .orElseThrow(() -> new InvalidInputException("reason", "There is no safety check at this step yet."));
        check.findings().stream().filter(f -> f.ruleId().equals(ruleId) && f.needsDecision()).findFirst()
                .orElseThrow(() -> new InvalidInputException("reason", "This finding needs no decision."))
                .checkDecision(kind);
        if (kind == DaySafetyCheck.Decision.Kind.OVERRIDE && !overrides.mayOverrideStops()) {
            throw new InvalidInputException("reason", overrides.policy().refusal() + " Ask them, or decide not to go ahead.");
        }
        if (!dayRecords.decide(appointmentId, step, check.run(), new DaySafetyCheck.Decision(ruleId, kind, why,
                clock.instant(), CurrentUser.username()))) {
            throw new InvalidInputException("reason", "This finding is already decided.");
        }
        audit.record(AuditAction.UPDATE, "DaySafetyCheck", appointmentId, appointment.patientId(),
                step.label() + " " + ruleId + ": " + kind.label() + ": " + why);
        return daySafety(appointmentId);
    }

    /** Records what was done instead of the injection once the urgent pathway started (e.g. aspirated, sent for culture). */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public DaySafety recordDoneInstead(UUID appointmentId, String doneInstead) {
        Appointment appointment = day.appointment(appointmentId);
        String text = ProcedureDay.text("doneInstead", doneInstead, "Say what was done instead (e.g. aspirated, sent for culture).");
        if (dayRecords.urgentPathway(appointmentId).isEmpty()) {
            throw new InvalidInputException("doneInstead", "No urgent pathway was started for this visit.");
        }
        if (!dayRecords.recordDoneInstead(appointmentId, text, clock.instant(), CurrentUser.username())) {
            throw new InvalidInputException("doneInstead", "What was done instead is already recorded; add to it in the record.");
        }
        audit.record(AuditAction.UPDATE, "UrgentPathway", appointmentId, appointment.patientId(), "done instead: " + text);
        return daySafety(appointmentId);
    }
}
