package org.synovia.procedure;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.booking.Appointment;
import org.synovia.notification.EmailOutbox;
import org.synovia.patient.Patient;
import org.synovia.referral.DiabetesType;
import org.synovia.referral.Referral;
import org.synovia.safety.FindingAction;
import org.synovia.safety.GuidelineReference;
import org.synovia.safety.PatientFacts;
import org.synovia.safety.PlannedProcedure;
import org.synovia.safety.SafetyAssessment;
import org.synovia.safety.SafetyChecks;
import org.synovia.safety.SafetyInput;
import org.synovia.safety.Severity;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;
import org.synovia.vetting.AcceptedProtocols;
import org.synovia.shared.ServiceIdentity;

/**
 * Runs the safety engine again on the procedure day (issue 12 §3, ADR 0033): with the values sign-in measured and
 * the drugs about to be given, at sign-in and at time-out, and stores its answer with the step. A suspected septic
 * joint starts the urgent pathway (alert, emails to the on-call contact and the referrer, queued in this
 * transaction); a joint replacement planned too soon tells the surgeon named on the referral.
 */
@Component
class DaySafetyChecks {

    /** Rules that read what the day measured: vetting never saw their answers, so each needs a decision here. */
    static final Set<String> DAY_RULES = Set.of("SAF-031", "SAF-032");
    static final String DAY_INFECTION_RULE = "SAF-031";
    static final String JOINT_REPLACEMENT_RULE = "SAF-024";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final DaySafetyRepository repository;
    private final AcceptedProtocols protocols;
    private final SafetyChecks safety;
    private final EmailOutbox outbox;
    private final ProcedureProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final ServiceIdentity service;
    private final org.synovia.account.UserAccounts accounts;

    DaySafetyChecks(DaySafetyRepository repository, AcceptedProtocols protocols, SafetyChecks safety, EmailOutbox outbox,
            ProcedureProperties properties, AuditTrail audit, Clock clock, ServiceIdentity service,
            org.synovia.account.UserAccounts accounts) {
        this.accounts = accounts;
        this.repository = repository;
        this.protocols = protocols;
        this.safety = safety;
        this.outbox = outbox;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.service = service;
    }

    /** Glucose for people with diabetes; INR for patients on a vitamin K antagonist. */
    static SignInObservations.Required required(Referral referral) {
        DiabetesType diabetes = referral.details().diabetes();
        boolean vka = referral.details().antithrombotics().stream()
                .anyMatch(m -> m.drug().kind() == Antithrombotic.Kind.VITAMIN_K_ANTAGONIST);
        return new SignInObservations.Required(diabetes != null && diabetes != DiabetesType.NONE, vka);
    }

    /** The engine's answer now, with the latest observations and the protocol's drugs, without storing it. */
    Assessed assess(Appointment appointment, Referral referral, ZoneId zone) {
        return assess(appointment, referral, repository.latestObservations(appointment.id()), null, zone);
    }

    /**
     * As {@link #assess(Appointment, Referral, ZoneId)}, from what a page has read already: the engine's input is built
     * from the page's referral and patient, and the day's observations and checks are passed in rather than read again.
     */
    Assessed assess(VisitFacts facts, Optional<Map.Entry<UUID, SignInObservations>> observations, List<DaySafetyCheck> checks) {
        var accepted = facts.accepted().orElseThrow(
                () -> new InvalidInputException("items", "No accepted protocol: do not start; ask the vetting radiologist."));
        return assess(facts.appointment(), accepted, protocols.inputAt(facts.referral(), facts.patient(), accepted,
                facts.start()), observations, null, checks, facts.zone());
    }

    /** The accepted protocol's drugs at the booked start, as values: what sign-in checks and the time-out starts from. */
    List<DrugToGive> protocolDrugs(Appointment appointment, Referral referral, ZoneId zone) {
        return protocolDrugs(protocols.inputAt(referral.id(), LocalDateTime.ofInstant(appointment.start(), zone)));
    }

    /** As above, from what a page has read already; empty without an accepted protocol. */
    List<DrugToGive> protocolDrugs(VisitFacts facts) {
        return facts.accepted().map(a -> protocolDrugs(protocols.inputAt(facts.referral(), facts.patient(), a, facts.start())))
                .orElse(List.of());
    }

    private static List<DrugToGive> protocolDrugs(SafetyInput input) {
        return input.procedure().drugs().stream().map(DrugToGive::fromProtocol).toList();
    }

    /**
     * @param drugs the drugs about to be given at the main target, or null for the accepted protocol's; other
     *        targets of the session keep the protocol's
     */
    private Assessed assess(Appointment appointment, Referral referral,
            Optional<Map.Entry<UUID, SignInObservations>> observations, List<DrugToGive> drugs, ZoneId zone) {
        var accepted = protocols.forReferral(referral.id()).orElseThrow(
                () -> new InvalidInputException("items", "No accepted protocol: do not start; ask the vetting radiologist."));
        return assess(appointment, accepted, protocols.inputAt(referral.id(), LocalDateTime.ofInstant(appointment.start(), zone)),
                observations, drugs, repository.checks(appointment.id()), zone);
    }

    private Assessed assess(Appointment appointment, AcceptedProtocols.AcceptedProtocol accepted, SafetyInput base,
            Optional<Map.Entry<UUID, SignInObservations>> observations, List<DrugToGive> drugs, List<DaySafetyCheck> checks,
            ZoneId zone) {
        PatientFacts facts = observations.map(o -> base.patient().withDay(o.getValue().forEngine(zone),
                o.getValue().inrForEngine(zone))).orElse(base.patient());
        PlannedProcedure planned = base.procedure();
        List<DrugToGive> checked = drugs != null ? drugs : planned.drugs().stream().map(DrugToGive::fromProtocol).toList();
        if (drugs != null) {
            planned = new PlannedProcedure(planned.siteCode(), planned.site(), planned.spinalLevel(), planned.side(),
                    planned.guidance(), drugs.stream().map(DrugToGive::forEngine).toList(), planned.contrast(),
                    planned.localDoseClass(), planned.start(), planned.tendonAtRisk(), planned.intoTendonSubstance(),
                    planned.additionalTargets());
        }
        SafetyInput input = new SafetyInput(facts, base.medicines(), base.previousInjections(), base.vaccinations(), planned);
        SafetyAssessment assessment = safety.assess(input);
        Optional<DaySafetyCheck> signIn = DaySafetyCheck.latest(checks, ChecklistStep.SIGN_IN);
        List<DaySafetyCheck.Finding> findings = assessment.findings().stream()
                .map(f -> new DaySafetyCheck.Finding(f.ruleId(), f.ruleName(), f.severity(), f.message(),
                        f.sources().stream().map(GuidelineReference::cite).toList(), f.justificationRequired(),
                        ((f.severity() == Severity.STOP && !accepted.overriddenStops().contains(f.ruleId()))
                                || (f.justificationRequired() && DAY_RULES.contains(f.ruleId())))
                                && !decidedAtSignIn(signIn, f.ruleId(), f.message())))
                .toList();
        String line = checked.isEmpty() ? "no drugs named in the protocol"
                : checked.stream().map(DrugToGive::words).collect(Collectors.joining(", "));
        return new Assessed(input, assessment, observations.map(Map.Entry::getKey).orElse(null), findings, line, checked);
    }

    /**
     * A finding sign-in already decided to go on with, in the same words (so with the same values and drugs), is not
     * asked again at time-out; a changed value or drug changes the words and asks again.
     */
    private static boolean decidedAtSignIn(Optional<DaySafetyCheck> signIn, String ruleId, String message) {
        return signIn.filter(c -> c.findings().stream().anyMatch(f -> f.ruleId().equals(ruleId) && f.message().equals(message)))
                .flatMap(c -> c.decision(ruleId)).filter(d -> d.kind() != DaySafetyCheck.Decision.Kind.DEFER).isPresent();
    }

    /**
     * Runs the engine for a step and stores its answer with who and when. Sign-in needs the day's observations
     * first. A suspected septic joint starts the urgent pathway; a replacement of this joint planned too soon
     * tells the surgeon.
     *
     * @param drugs the drugs about to be given (the time-out's), or null for the accepted protocol's (sign-in)
     */
    DaySafetyCheck runAndStore(Appointment appointment, Referral referral, Patient patient, String procedure,
            ChecklistStep step, List<DrugToGive> drugs, ZoneId zone) {
        var observations = repository.latestObservations(appointment.id());
        if (observations.isEmpty()) {
            throw new InvalidInputException("items", "Record the observations (temperature, blood pressure, the target"
                    + (required(referral).glucose() ? ", glucose" : "") + (required(referral).inr() ? ", INR" : "")
                    + ") before the " + step.label().toLowerCase() + ".");
        }
        Assessed assessed = assess(appointment, referral, observations, drugs, zone);
        DaySafetyCheck unsaved = new DaySafetyCheck(step, 0, assessed.assessment().highestSeverity(), assessed.drugs(),
                assessed.drugsChecked(), assessed.findings(), List.of(), clock.instant(), CurrentUser.username());
        int run = repository.saveCheck(appointment.id(), step, assessed.observationId(), unsaved);
        DaySafetyCheck check = new DaySafetyCheck(step, run, unsaved.highest(), unsaved.drugs(), unsaved.drugsChecked(),
                unsaved.findings(), List.of(), unsaved.checkedAt(), unsaved.checkedBy());
        audit.record(AuditAction.CREATE, "DaySafetyCheck", appointment.id(), appointment.patientId(),
                step.label() + (run > 1 ? " (run " + run + ")" : "") + ": " + check.highest() + ", "
                        + check.findings().stream().filter(f -> f.severity() != Severity.INFO)
                        .map(f -> f.ruleId() + " " + f.severity()).collect(Collectors.joining(", ")));
        assessed.assessment().findings().stream()
                .filter(f -> f.ruleId().equals(DAY_INFECTION_RULE) && f.severity() == Severity.STOP)
                .filter(f -> f.actions().stream().anyMatch(a -> a.kind() == FindingAction.Kind.CHOOSE_ALTERNATIVE))
                .findFirst()
                .ifPresent(f -> startUrgentPathway(appointment, referral, patient, procedure, step, f.message(),
                        observations.get().getValue(), zone));
        assessed.assessment().findings().stream()
                .filter(f -> f.ruleId().equals(JOINT_REPLACEMENT_RULE) && f.severity() != Severity.INFO).findFirst()
                .ifPresent(f -> tellSurgeon(referral, appointment.id(), patient, procedure, step.name(), f.message(),
                        f.sources().stream().map(GuidelineReference::cite).toList(),
                        LocalDate.ofInstant(appointment.start(), zone), assessed.input().patient().plannedJointReplacement(),
                        CurrentUser.username()));
        return check;
    }

    /**
     * The latest run at {@code step} when it checked exactly these drugs with the latest observations: the time-out
     * confirmed again after a decision reuses it rather than asking the engine anew.
     */
    Optional<DaySafetyCheck> sameAsLatest(UUID appointmentId, ChecklistStep step, List<DrugToGive> drugs) {
        var observationId = repository.latestObservations(appointmentId).map(Map.Entry::getKey);
        return DaySafetyCheck.latest(repository.checks(appointmentId), step).filter(c -> c.drugsChecked().equals(drugs))
                .filter(c -> repository.observationOf(appointmentId, step, c.run()).equals(observationId));
    }

    /** The guidelines a rule of the engine rests on, as its catalogue names them; empty for an unknown rule. */
    List<GuidelineReference> sourcesOf(String ruleId) {
        return safety.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst()
                .map(org.synovia.safety.RuleDescription::sources).orElse(List.of());
    }

    /** Why the step after {@code step} may not go on, from the check stored with it; empty when it may. */
    Optional<String> holds(UUID appointmentId, ChecklistStep step) {
        return DaySafetyCheck.latest(repository.checks(appointmentId), step).filter(DaySafetyCheck::holdsNext)
                .flatMap(check -> check.holdsNextStep(accounts.staffNames()));
    }

    private void startUrgentPathway(Appointment appointment, Referral referral, Patient patient, String procedure,
            ChecklistStep step, String finding, SignInObservations observations, ZoneId zone) {
        var referrer = referral.details().referrer();
        String referrerEmail = referrer == null ? null : referrer.email();
        var now = clock.instant();
        UrgentPathway pathway = new UrgentPathway(finding, now, CurrentUser.username(), properties.onCallEmail(),
                referrerEmail, null, null, null);
        if (!repository.startUrgentPathway(appointment.id(), appointment.patientId(), pathway)) {
            return;
        }
        String subject = "URGENT: suspected septic joint, " + patient.displayName() + " (" + procedure + ")";
        var staff = accounts.staffNames();
        String body = "At " + step.label().toLowerCase() + " on " + WHEN.format(now.atZone(zone)) + ", "
                + staff.of(CurrentUser.username()) + " found:\n" + finding + "\n\nMeasured: "
                + observations.summary(zone, staff.of(observations.recordedBy()))
                + "\n\nNo steroid will be given. The urgent pathway is started: aspirate and send for culture "
                + "(EULAR 2021, Table 2 [CI-03]).\n\nPatient: " + patient.displayName() + ", born " + patient.dateOfBirth()
                + (patient.nhsNumber() == null ? "" : ", NHS number " + patient.nhsNumber().formatted())
                + "\nBooked procedure: " + procedure + "\n\n" + service.signature();
        for (String to : new java.util.LinkedHashSet<>(java.util.Arrays.asList(properties.onCallEmail(), referrerEmail))) {
            if (to != null) {
                outbox.queue(to, subject, body, appointment.patientId(), "urgent-septic-joint");
            }
        }
        audit.record(AuditAction.EXPORT, "UrgentPathway", appointment.id(), appointment.patientId(),
                "suspected septic joint; emailed on-call " + (properties.onCallEmail() == null ? "(none configured)"
                        : properties.onCallEmail()) + " and referrer " + (referrerEmail == null ? "(no email)" : referrerEmail));
    }

    /**
     * Tells the surgeon of a planned replacement of this joint, once per referral, at vetting or on the day: the
     * first to find it sends, later finds send nothing (the notice's key is the referral). The email gives both dates,
     * the finding in the engine's words and its sources. When the referral gives no email the notice is stored
     * without one, and the page says to tell them another way.
     *
     * @param appointmentId null at vetting
     * @param injection the day of the injection (at vetting, the earliest day it may be booked)
     * @param noticedBy who found it: the vetting radiologist, or whoever ran the day's check
     */
    void tellSurgeon(Referral referral, UUID appointmentId, Patient patient, String procedure, String stage,
            String finding, List<String> sources, LocalDate injection, PatientFacts.PlannedJointReplacement replacement,
            String noticedBy) {
        String email = replacement == null || replacement.surgeonEmail() == null || replacement.surgeonEmail().isBlank()
                ? null : replacement.surgeonEmail().strip();
        String name = replacement == null ? null : replacement.surgeonName();
        SurgeonNotice notice = new SurgeonNotice(stage, name, email, finding, clock.instant(), noticedBy);
        if (!repository.addSurgeonNotice(referral.id().value(), appointmentId, notice)) {
            return;
        }
        if (email != null) {
            outbox.queue(email, "Injection planned close to your joint replacement: " + patient.displayName(),
                    "Dear " + (name == null ? "colleague" : name) + ",\n\nYour patient " + patient.displayName() + ", born "
                            + patient.dateOfBirth() + ", is referred for " + procedure + ".\n\n"
                            + "Planned joint replacement: " + (replacement == null ? "not known" : DAY.format(replacement.date()))
                            + "\n" + ("VETTING".equals(stage) ? "Injection: not before " : "Injection: ") + DAY.format(injection)
                            + "\nMinimum interval: " + safety.policy().arthroplastyMinimumMonths()
                            + " months (local setting arthroplasty-minimum-months)\n\n"
                            + "The safety check " + ("VETTING".equals(stage) ? "at vetting" : "on the procedure day")
                            + " found:\n" + finding + "\n\nSources:\n" + sources.stream().map(c -> "- " + c)
                                    .collect(Collectors.joining("\n"))
                            + "\n\nInjection within 3 months before arthroplasty raises the odds of periprosthetic "
                            + "infection. Please tell us whether the injection should go ahead.\n\n" + service.signature(),
                    patient.id().value(), "surgeon-joint-replacement");
        }
        audit.record(AuditAction.EXPORT, "SurgeonNotice", referral.id().value(), patient.id().value(),
                stage + ": " + (email == null ? "no surgeon email on the referral; not sent" : "emailed " + email));
    }

    /** The engine's input and answer with the day's values, and its findings as the page shows and stores them. */
    record Assessed(SafetyInput input, SafetyAssessment assessment, UUID observationId,
            List<DaySafetyCheck.Finding> findings, String drugs, List<DrugToGive> drugsChecked) {
    }
}
