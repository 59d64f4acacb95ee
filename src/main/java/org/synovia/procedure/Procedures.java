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
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.booking.Appointment;
import org.synovia.booking.AppointmentStatus;
import org.synovia.booking.Bookings;
import org.synovia.catalogue.Catalogue;
import org.synovia.patient.Patient;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralId;
import org.synovia.referral.ReferralNotFoundException;
import org.synovia.catalogue.InjectionSite;
import org.synovia.referral.DiabetesType;
import org.synovia.referral.ReferralSafety;
import org.synovia.safety.InjectedAgent;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Slot;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;
import org.synovia.vetting.AcceptedProtocols;
import org.synovia.vetting.Protocol;
import org.synovia.shared.ServiceIdentity;

/**
 * The procedure day. The day list shows each patient with the accepted protocol and the safety engine's
 * answer at the booked start, recomputed on every view so that a medicine changed since booking shows
 * (HAZ-18). Check-in needs two identifiers that match the record (NatSSIPs NS-03, HAZ-37). Every read and
 * write of patient data is in the audit trail in the same transaction.
 */
@Service
public class Procedures {

    static final String RECORD_TYPE = "ProcedureVisit";
    /** Names are read only when a line shows someone: the day list's statements stay fixed either way. */
    private static final org.synovia.account.StaffNames NO_NAMES = new org.synovia.account.StaffNames(Map.of());

    private final VisitRepository visits;
    private final Bookings bookings;
    private final Referrals referrals;
    private final Patients patients;
    private final Catalogue catalogue;
    private final AcceptedProtocols protocols;
    private final AuditTrail audit;
    private final Clock clock;
    private final ServiceIdentity service;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final ProcedureReports reports;
    private final org.synovia.notification.EmailOutbox outbox;
    private final ProcedureProperties properties;
    private final DaySafetyChecks daySafety;
    private final DaySafetyRepository dayRecords;
    private final org.synovia.safety.SafetyOverrides overrides;
    private final org.synovia.account.UserAccounts accounts;
    private final org.synovia.waitinglist.Funding funding;

    Procedures(VisitRepository visits, Bookings bookings, Referrals referrals, Patients patients, Catalogue catalogue,
            AcceptedProtocols protocols, AuditTrail audit, Clock clock, ServiceIdentity service,
            org.springframework.context.ApplicationEventPublisher events, ProcedureReports reports,
            org.synovia.notification.EmailOutbox outbox, ProcedureProperties properties, DaySafetyChecks daySafety,
            DaySafetyRepository dayRecords, org.synovia.safety.SafetyOverrides overrides,
            org.synovia.account.UserAccounts accounts, org.synovia.waitinglist.Funding funding) {
        this.accounts = accounts;
        this.funding = funding;
        this.overrides = overrides;
        this.daySafety = daySafety;
        this.dayRecords = dayRecords;
        this.properties = properties;
        this.events = events;
        this.reports = reports;
        this.outbox = outbox;
        this.visits = visits;
        this.bookings = bookings;
        this.referrals = referrals;
        this.patients = patients;
        this.catalogue = catalogue;
        this.protocols = protocols;
        this.audit = audit;
        this.clock = clock;
        this.service = service;
    }

    /** The day's patients for one room or one operator (or all, when both are null), earliest first. */
    @Transactional
    @PreAuthorize("hasAnyRole('BOOKING', 'RADIOLOGIST', 'NURSE')")
    public List<DayListEntry> dayList(LocalDate day, UUID roomId, UUID operatorId) {
        List<Appointment> appointments = bookings.onDay(day).stream()
                .filter(a -> roomId == null || a.roomId().equals(roomId))
                .filter(a -> operatorId == null || a.operatorId().equals(operatorId)).toList();
        List<UUID> ids = appointments.stream().map(Appointment::id).toList();
        Map<UUID, VisitStatus> statuses = visits.statuses(ids);
        Map<UUID, UrgentPathway> urgent = dayRecords.urgentPathways(ids);
        // Everything each line shows is read for the whole day at once: the page costs the same for 5 or 50 patients.
        List<ReferralId> referralIds = appointments.stream().map(a -> new ReferralId(a.referralId())).toList();
        Map<ReferralId, Referral> dayReferrals = referrals.showAll(referralIds);
        Map<PatientId, Patient> dayPatients = patients.findAll(appointments.stream().map(a -> new PatientId(a.patientId())).toList());
        Map<UUID, Slot> slots = bookings.slots(appointments);
        Map<ReferralId, AcceptedProtocols.AcceptedProtocol> accepted = protocols.forReferrals(referralIds);
        org.synovia.account.StaffNames staff = urgent.isEmpty() ? NO_NAMES : accounts.staffNames();
        return appointments.stream().map(a -> {
            ReferralId referralId = new ReferralId(a.referralId());
            Referral referral = dayReferrals.get(referralId);
            if (referral == null) {
                throw new ReferralNotFoundException(referralId);
            }
            return entry(a, referral, dayPatients.get(new PatientId(a.patientId())), slots.get(a.id()),
                    Optional.ofNullable(accepted.get(referralId)), statuses.get(a.id()), urgent.get(a.id()), staff);
        }).toList();
    }

    /** One patient's line of the day list. */
    @Transactional
    @PreAuthorize("hasAnyRole('BOOKING', 'RADIOLOGIST', 'NURSE')")
    public DayListEntry visit(UUID appointmentId) {
        Appointment appointment = bookings.appointment(appointmentId);
        Referral referral = referrals.show(new ReferralId(appointment.referralId()));
        UrgentPathway urgent = dayRecords.urgentPathway(appointmentId).orElse(null);
        return entry(appointment, referral, patient(appointment.patientId()), bookings.slot(appointment).orElseThrow(),
                protocols.forReferral(referral.id()), visits.statuses(List.of(appointmentId)).get(appointmentId),
                urgent, urgent == null ? NO_NAMES : accounts.staffNames());
    }

    /**
     * The patient's identity, allergies and the safety answer at the booked start, for the panel beside every step
     * of the visit (ADR 0083). Read in a fixed number of statements and audited as a read of the patient.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('BOOKING', 'RADIOLOGIST', 'NURSE')")
    public PatientPanel patientPanel(UUID appointmentId) {
        Appointment appointment = bookings.appointment(appointmentId);
        Referral referral = referrals.show(new ReferralId(appointment.referralId()));
        Patient patient = patient(appointment.patientId());
        var accepted = protocols.forReferral(referral.id());
        LocalDateTime start = LocalDateTime.ofInstant(appointment.start(), bookings.zone());
        List<String> alerts = new java.util.ArrayList<>(accepted.isEmpty()
                ? List.of("No accepted protocol: do not start; ask the vetting radiologist.")
                : DayListAlerts.withSources(protocols.checker(referral, patient, accepted.get()).check(start).assessment()));
        dayRecords.urgentPathway(appointmentId).ifPresent(u -> alerts.addFirst(DayListAlerts.urgentPathway(u, bookings.zone(),
                accounts.staffNames())));
        var details = referral.details();
        List<String> allergies = details.allergies().stream().map(a -> (a.agent() == null ? a.category().label() : a.agent())
                + (a.reaction() == null ? "" : ": " + a.reaction())).toList();
        boolean known = !allergies.isEmpty() || details.noKnownAllergies();
        audit.record(AuditAction.READ, "Patient", appointment.patientId(), appointment.patientId(), "procedure day panel");
        return new PatientPanel(patient.displayName(), patient.dateOfBirth(),
                patient.ageOn(start.toLocalDate()), patient.nhsNumber() == null ? null : patient.nhsNumber().formatted(),
                patient.hospitalNumber(), allergies.isEmpty() && details.noKnownAllergies() ? List.of("No known allergies")
                        : allergies, known, alerts);
    }

    private DayListEntry entry(Appointment appointment, Referral referral, Patient patient, Slot slot,
            Optional<AcceptedProtocols.AcceptedProtocol> accepted, VisitStatus visit, UrgentPathway urgent,
            org.synovia.account.StaffNames staff) {
        LocalDateTime start = LocalDateTime.ofInstant(appointment.start(), bookings.zone());
        VisitStatus status = appointment.status() == AppointmentStatus.DID_NOT_ATTEND ? VisitStatus.DID_NOT_ATTEND
                : visit == null ? VisitStatus.BOOKED : visit;
        // Every target of the session, the main one first (HAZ-85).
        String targets = referral.details().targets().stream()
                .map(t -> catalogue.site(t.siteCode()).map(s -> s.name()).orElse(t.siteCode())
                        + (t.laterality() == null ? "" : " (" + t.laterality().label().toLowerCase() + ")")
                        + (referral.details().additionalTargets().isEmpty() || t.spinalLevel() == null ? "" : " " + t.spinalLevel()))
                .collect(java.util.stream.Collectors.joining("; "));
        List<String> alerts = accepted.isEmpty() ? List.of("No accepted protocol: do not start; ask the vetting radiologist.")
                : DayListAlerts.of(protocols.checker(referral, patient, accepted.get()).check(start).assessment());
        if (urgent != null) {
            alerts = new java.util.ArrayList<>(alerts);
            alerts.addFirst(DayListAlerts.urgentPathway(urgent, bookings.zone(), staff));
        }
        return new DayListEntry(appointment.id(), appointment.referralId(), appointment.patientId(), patient.displayName(),
                patient.dateOfBirth(), start, slot.roomId(), slot.roomName(), slot.operatorId(), slot.operatorName(),
                status, targets, accepted.map(a -> summary(a.protocol())).orElse("none accepted"), alerts);
    }

    static String summary(Protocol p) {
        StringBuilder line = new StringBuilder(p.guidance().label());
        if (p.approach() != null && !p.approach().isBlank()) {
            line.append(", ").append(p.approach());
        }
        if (p.corticosteroid() != null && !p.corticosteroid().isBlank()) {
            line.append("; ").append(p.corticosteroid());
            if (p.corticosteroidDoseMg() != null) {
                line.append(' ').append(p.corticosteroidDoseMg().stripTrailingZeros().toPlainString()).append(" mg");
            }
        }
        if (p.localAnaesthetic() != null && !p.localAnaesthetic().isBlank()) {
            line.append("; ").append(p.localAnaesthetic());
            if (p.localAnaestheticMl() != null) {
                line.append(' ').append(p.localAnaestheticMl().stripTrailingZeros().toPlainString()).append(" mL");
            }
        }
        if (p.contrast()) {
            line.append("; contrast");
        }
        for (int i = 0; i < p.targets().size(); i++) {
            line.append(" | target ").append(i + 2).append(": ").append(p.targets().get(i).drugsInWords());
        }
        return line.toString();
    }

    /**
     * Checks the patient in on the day of their appointment once two identifiers they give match the
     * record (NatSSIPs NS-03); a mismatch is refused, beside the field, and nothing is written.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public DayListEntry checkIn(UUID appointmentId, IdentityCheck identity) {
        Appointment appointment = bookings.appointment(appointmentId);
        if (!appointment.active()) {
            throw new InvalidInputException("appointmentId", "This appointment is " + appointment.status().label().toLowerCase()
                    + "; only a booked patient can be checked in.");
        }
        LocalDate day = LocalDate.ofInstant(appointment.start(), bookings.zone());
        if (!day.equals(LocalDate.now(clock))) {
            throw new InvalidInputException("appointmentId", "Patients are checked in on the day of their appointment ("
                    + day + ").");
        }
        String identifiedBy = identity.confirm(patient(appointment.patientId()));
        if (!visits.arrive(appointmentId, appointment.referralId(), appointment.patientId(), clock.instant(),
                CurrentUser.username(), identifiedBy)) {
            throw new InvalidInputException("appointmentId", "This patient is already checked in.");
        }
        audit.record(AuditAction.CREATE, RECORD_TYPE, appointmentId, appointment.patientId(), "checked in by " + identifiedBy);
        return visit(appointmentId);
    }

    /** The patient has gone into the procedure room. */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public DayListEntry intoRoom(UUID appointmentId) {
        Appointment appointment = bookings.appointment(appointmentId);
        visits.lock(appointmentId).ifPresent(status -> refuseWhenStopped(status, "appointmentId"));
        if (!visits.intoRoom(appointmentId, clock.instant(), CurrentUser.username())) {
            throw new InvalidInputException("appointmentId", "Check the patient in before taking them into the room.");
        }
        audit.record(AuditAction.UPDATE, RECORD_TYPE, appointmentId, appointment.patientId(), "into the room");
        return visit(appointmentId);
    }

    /** The patient's checklist so far, with the items that apply to them. */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public Checklist checklist(UUID appointmentId) {
        Appointment appointment = bookings.appointment(appointmentId);
        Checklist checklist = checklist(appointment);
        audit.record(AuditAction.READ, "Checklist", appointmentId, appointment.patientId(), null);
        return checklist;
    }

    private Checklist checklist(Appointment appointment) {
        return new Checklist(context(appointment), visits.confirmations(appointment.id()),
                visits.discrepancies(appointment.id()), Checklist.localChecks(properties.localChecks()));
    }

    private ChecklistContext context(Appointment appointment) {
        Referral referral = referrals.show(new ReferralId(appointment.referralId()));
        var accepted = protocols.forReferral(referral.id());
        boolean ionising = accepted.map(a -> a.protocol().guidance().ionising()).orElse(true);
        boolean inr = accepted.isPresent() && protocols.checkAt(referral.id(),
                        LocalDateTime.ofInstant(appointment.start(), bookings.zone())).assessment().medicationPlans().stream()
                .anyMatch(p -> p.inrCheck() != null);
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
        Appointment appointment = bookings.appointment(appointmentId);
        VisitStatus status = visits.lock(appointmentId)
                .orElseThrow(() -> new InvalidInputException("items", "Check the patient in before the checklist."));
        if (status == VisitStatus.DONE) {
            throw new InvalidInputException("items", "The checklist is complete.");
        }
        if (step != ChecklistStep.SIGN_OUT) {
            refuseWhenStopped(status, "items");
        }
        else {
            refuseWhenStoppedBeforeTimeOut(appointmentId, status, "items");
        }
        // No injection without permission to treat: funding approved and in date today (ADR 0072).
        if (step != ChecklistStep.SIGN_OUT) {
            funding.requireCleared(appointment.referralId(), LocalDate.now(clock), "items");
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
            Referral referral = referrals.show(new ReferralId(appointment.referralId()));
            Patient patient = patient(appointment.patientId());
            String procedure = visit(appointmentId).procedure();
            if (step == ChecklistStep.SIGN_IN) {
                daySafety.runAndStore(appointment, referral, patient, procedure, step, null, bookings.zone());
            }
            else {
                List<DrugToGive> drugs = typed == null ? timeOutFormDrugs(appointment, referral) : DrugToGive.checked(typed);
                DaySafetyCheck check = daySafety.sameAsLatest(appointmentId, step, drugs).orElseGet(() ->
                        daySafety.runAndStore(appointment, referral, patient, procedure, step, drugs, bookings.zone()));
                check.holdsNextStep().ifPresent(why -> {
                    throw new TimeOutHeld("Time-out not confirmed: " + why);
                });
            }
        }
        String items = checklist.checks(step).stream().map(ChecklistCheck::asShown).collect(Collectors.joining("\n"));
        visits.confirm(appointmentId, step, items, clock.instant(), CurrentUser.username());
        if (step == ChecklistStep.SIGN_OUT) {
            visits.done(appointmentId);
        }
        audit.record(AuditAction.UPDATE, "Checklist", appointmentId, appointment.patientId(), step.label() + " confirmed");
        return checklist(appointmentId);
    }

    /** What the time-out form starts from: the drugs of the latest time-out run (held, say), else the protocol's. */
    private List<DrugToGive> timeOutFormDrugs(Appointment appointment, Referral referral) {
        return dayRecords.checks(appointment.id()).stream().filter(c -> c.step() == ChecklistStep.TIME_OUT)
                .reduce((earlier, later) -> later).map(DaySafetyCheck::drugsChecked).filter(d -> !d.isEmpty())
                .orElseGet(() -> protocols.forReferral(referral.id()).isPresent()
                        ? daySafety.protocolDrugs(appointment, referral, bookings.zone()) : List.of());
    }

    /**
     * The drugs the confirmed time-out checked, for the procedure record to start from; empty before the time-out
     * is confirmed, and for a time-out confirmed before the drugs were kept as values.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public List<DrugToGive> timeOutDrugs(UUID appointmentId) {
        Appointment appointment = bookings.appointment(appointmentId);
        List<DrugToGive> drugs = confirmedTimeOutDrugs(appointmentId);
        audit.record(AuditAction.READ, "DaySafetyCheck", appointmentId, appointment.patientId(), "time-out drugs");
        return drugs;
    }

    private List<DrugToGive> confirmedTimeOutDrugs(UUID appointmentId) {
        if (visits.confirmations(appointmentId).stream().noneMatch(c -> c.step() == ChecklistStep.TIME_OUT)) {
            return List.of();
        }
        return dayRecords.checks(appointmentId).stream().filter(c -> c.step() == ChecklistStep.TIME_OUT)
                .reduce((earlier, later) -> later).map(DaySafetyCheck::drugsChecked).orElse(List.of());
    }

    /** Records a discrepancy at the current step; the procedure stops until it is resolved (facts NS-04). */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public Checklist raiseDiscrepancy(UUID appointmentId, String description) {
        Appointment appointment = bookings.appointment(appointmentId);
        String text = text("description", description, "Describe the discrepancy.");
        visits.lock(appointmentId)
                .orElseThrow(() -> new InvalidInputException("description", "Check the patient in before the checklist."));
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
        Appointment appointment = bookings.appointment(appointmentId);
        String text = text("resolution", resolution, "Say how the discrepancy was resolved.");
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
            Integer systolicMmHg, Integer diastolicMmHg, Double inr, LocalDateTime inrTakenAt,
            org.synovia.shared.YesNoUnknown targetHot, org.synovia.shared.YesNoUnknown targetSwollen,
            org.synovia.shared.YesNoUnknown targetRed) {
        Appointment appointment = bookings.appointment(appointmentId);
        VisitStatus status = visits.lock(appointmentId)
                .orElseThrow(() -> new InvalidInputException("temperatureCelsius", "Check the patient in first."));
        refuseWhenStopped(status, "temperatureCelsius");
        if (visits.confirmations(appointmentId).stream().anyMatch(c -> c.step() == ChecklistStep.TIME_OUT)) {
            throw new InvalidInputException("temperatureCelsius", "The time-out is done: add anything measured later to the record.");
        }
        Referral referral = referrals.show(new ReferralId(appointment.referralId()));
        SignInObservations.check(temperatureCelsius, capillaryGlucoseMmolPerL, systolicMmHg, diastolicMmHg, inr, inrTakenAt,
                targetHot, targetSwollen, targetRed, DaySafetyChecks.required(referral),
                LocalDateTime.ofInstant(clock.instant(), bookings.zone()));
        var now = clock.instant();
        SignInObservations observations = new SignInObservations(now, temperatureCelsius, capillaryGlucoseMmolPerL,
                systolicMmHg, diastolicMmHg, inr, inrTakenAt == null ? null : inrTakenAt.atZone(bookings.zone()).toInstant(),
                targetHot, targetSwollen, targetRed, CurrentUser.username());
        UUID id = UUID.randomUUID();
        dayRecords.addObservations(id, appointmentId, appointment.patientId(), observations, now);
        audit.record(AuditAction.CREATE, "ProcedureObservation", id, appointment.patientId(),
                observations.summary(bookings.zone()));
        return daySafety(appointmentId);
    }

    /** The day's safety picture: what to measure, the latest values, the engine's answer now and at each step. */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public DaySafety daySafety(UUID appointmentId) {
        Appointment appointment = bookings.appointment(appointmentId);
        Referral referral = referrals.show(new ReferralId(appointment.referralId()));
        var observations = dayRecords.latestObservations(appointmentId).map(Map.Entry::getValue);
        List<DaySafetyCheck.Finding> current = List.of();
        String drugs = "";
        if (protocols.forReferral(referral.id()).isPresent()) {
            var assessed = daySafety.assess(appointment, referral, bookings.zone());
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
     * A radiologist's decision on a finding of the latest sign-in or time-out run that needs one: a STOP overridden
     * with a reason by the role and grade the clinic names (the override policy, ADR 0035), or a review finding decided
     * (go ahead, or not) with a reason by any radiologist; who and when are kept, and the decision is never changed.
     */
    @Transactional
    @PreAuthorize("hasRole('RADIOLOGIST')")
    public DaySafety decide(UUID appointmentId, ChecklistStep step, String ruleId, DaySafetyCheck.Decision.Kind kind,
            String reason) {
        Appointment appointment = bookings.appointment(appointmentId);
        String why = text("reason", reason, "Give the reason for your decision.");
        visits.lock(appointmentId).orElseThrow(() -> new InvalidInputException("reason", "Check the patient in first."));
        DaySafetyCheck check = dayRecords.checks(appointmentId).stream().filter(c -> c.step() == step)
                .reduce((earlier, later) -> later)
                .orElseThrow(() -> new InvalidInputException("reason", "There is no safety check at this step yet."));
        DaySafetyCheck.Finding finding = check.findings().stream()
                .filter(f -> f.ruleId().equals(ruleId) && f.needsDecision()).findFirst()
                .orElseThrow(() -> new InvalidInputException("reason", "This finding needs no decision."));
        boolean stop = finding.severity() == org.synovia.safety.Severity.STOP;
        boolean allowed = kind == DaySafetyCheck.Decision.Kind.DEFER
                || (stop ? kind == DaySafetyCheck.Decision.Kind.OVERRIDE : kind == DaySafetyCheck.Decision.Kind.PROCEED);
        if (!allowed) {
            throw new InvalidInputException("reason", finding.severity() == org.synovia.safety.Severity.STOP
                    ? "A STOP is overridden with a reason, or the procedure does not go on."
                    : "Decide to go ahead or not, with a reason.");
        }
        if (kind == DaySafetyCheck.Decision.Kind.OVERRIDE && !overrides.mayOverrideStops()) {
            throw new InvalidInputException("reason", overrides.policy().refusal()
                    + " Ask them, or decide not to go ahead.");
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
        Appointment appointment = bookings.appointment(appointmentId);
        String text = text("doneInstead", doneInstead, "Say what was done instead (e.g. aspirated, sent for culture).");
        if (dayRecords.urgentPathway(appointmentId).isEmpty()) {
            throw new InvalidInputException("doneInstead", "No urgent pathway was started for this visit.");
        }
        if (!dayRecords.recordDoneInstead(appointmentId, text, clock.instant(), CurrentUser.username())) {
            throw new InvalidInputException("doneInstead", "What was done instead is already recorded; add to it in the record.");
        }
        audit.record(AuditAction.UPDATE, "UrgentPathway", appointmentId, appointment.patientId(), "done instead: " + text);
        return daySafety(appointmentId);
    }

    /** The consent text for this patient's procedure: risks for the site and drugs, benefits and alternatives. */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public ConsentDocument consentDocument(UUID appointmentId) {
        Appointment appointment = bookings.appointment(appointmentId);
        Referral referral = referrals.show(new ReferralId(appointment.referralId()));
        InjectionSite site = catalogue.site(referral.details().siteCode()).orElseThrow();
        Protocol protocol = protocols.forReferral(referral.id())
                .orElseThrow(() -> new InvalidInputException("agreed", "No accepted protocol: consent cannot be taken."))
                .protocol();
        boolean steroid = present(protocol.corticosteroid())
                && ReferralSafety.agentFrom(protocol.corticosteroid()) != InjectedAgent.HYALURONAN;
        boolean joint = site.structure() == InjectionSite.Structure.JOINT;
        boolean tendon = site.structure() == InjectionSite.Structure.TENDON || site.structure() == InjectionSite.Structure.TENDON_SHEATH;
        boolean superficial = !joint || site.jointSize() == InjectionSite.JointSize.SMALL;
        DiabetesType diabetes = referral.details().diabetes();
        String side = referral.details().laterality() == null ? "" : " (" + referral.details().laterality().label().toLowerCase() + ")";
        String procedure = protocol.guidance().label() + "-guided injection of the " + site.name().toLowerCase() + side
                + (steroid ? " with " + protocol.corticosteroid() : "")
                + (present(protocol.localAnaesthetic()) ? " and " + protocol.localAnaesthetic() : "")
                + furtherTargets(protocol);
        // A further target's drugs bring their own risks (HAZ-85).
        steroid = steroid || protocol.targets().stream().anyMatch(t -> t.corticosteroid() != null && t.corticosteroid().steroid());
        boolean localAnaesthetic = present(protocol.localAnaesthetic())
                || protocol.targets().stream().anyMatch(t -> t.localAnaesthetic() != null);
        return ConsentDocument.of(procedure, new ConsentDocument.Facts(joint, tendon, steroid,
                localAnaesthetic, diabetes != null && diabetes != DiabetesType.NONE,
                !referral.details().antithrombotics().isEmpty(), superficial));
    }

    /** The further targets of the session with their drugs, as the consent text names them; empty for one target. */
    private String furtherTargets(Protocol protocol) {
        return protocol.targets().stream().map(t -> "; and of the "
                + catalogue.site(t.siteCode()).map(s -> s.name().toLowerCase()).orElse(t.siteCode())
                + (t.side() == null || t.side() == org.synovia.shared.Laterality.NOT_APPLICABLE ? ""
                        : " (" + t.side().label().toLowerCase() + ")")
                + (t.spinalLevel() == null ? "" : " " + t.spinalLevel()) + " with " + t.drugsInWords())
                .collect(java.util.stream.Collectors.joining());
    }

    /**
     * Records the patient's agreement to exactly the text shown: {@code shownSha256} is the hash of the text
     * the page showed, and a text changed since (another protocol, a new version) is refused.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public ConsentDocument.Given recordConsent(UUID appointmentId, String shownSha256, boolean agreed) {
        Appointment appointment = bookings.appointment(appointmentId);
        if (!agreed) {
            throw new InvalidInputException("agreed", "Tick only when the patient agrees; if they do not, do not go on.");
        }
        VisitStatus status = visits.lock(appointmentId)
                .orElseThrow(() -> new InvalidInputException("agreed", "Check the patient in before taking consent."));
        refuseWhenStopped(status, "agreed");
        ConsentDocument document = consentDocument(appointmentId);
        if (!document.sha256().equals(shownSha256)) {
            throw new InvalidInputException("agreed", "The consent text has changed since it was shown; read the new text to the patient.");
        }
        if (!visits.consent(appointmentId, appointment.patientId(), document, clock.instant(), CurrentUser.username())) {
            throw new InvalidInputException("agreed", "Consent is already recorded.");
        }
        audit.record(AuditAction.CREATE, "Consent", appointmentId, appointment.patientId(), document.version() + " " + document.sha256());
        return visits.consent(appointmentId).orElseThrow();
    }

    /**
     * Records that the patient refused the procedure (before consent) or withdrew consent given earlier (before
     * the procedure is done): why, who, when, with the exact text they were shown. The procedure stops: the
     * visit shows it on the day list, and no checklist step, record or signing goes on (ADR 0015, HAZ-45).
     *
     * @param shownSha256 the hash of the consent text the page showed, when consent had not been given
     */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public ConsentDocument.Refusal refuseConsent(UUID appointmentId, String shownSha256, String reason) {
        Appointment appointment = bookings.appointment(appointmentId);
        String why = text("reason", reason, "Record the patient's reason, in their words, or that they gave none.");
        VisitStatus status = visits.lock(appointmentId)
                .orElseThrow(() -> new InvalidInputException("reason", "Check the patient in first."));
        refuseWhenStopped(status, "reason");
        if (status == VisitStatus.DONE) {
            throw new InvalidInputException("reason", "The procedure is done; consent can no longer be withdrawn. Add an addendum instead.");
        }
        var given = visits.consent(appointmentId);
        ConsentDocument.Refusal refusal;
        if (given.isPresent()) {
            refusal = new ConsentDocument.Refusal(ConsentDocument.Refusal.Kind.WITHDRAWN, why, given.get().version(),
                    given.get().text(), given.get().sha256(), clock.instant(), CurrentUser.username());
        }
        else {
            ConsentDocument document = consentDocument(appointmentId);
            if (!document.sha256().equals(shownSha256)) {
                throw new InvalidInputException("reason", "The consent text has changed since it was shown; read the new text to the patient.");
            }
            refusal = new ConsentDocument.Refusal(ConsentDocument.Refusal.Kind.REFUSED, why, document.version(),
                    document.text(), document.sha256(), clock.instant(), CurrentUser.username());
        }
        if (!visits.refuseConsent(appointmentId, appointment.patientId(), refusal)) {
            throw new InvalidInputException("reason", "The procedure is already stopped.");
        }
        visits.stop(appointmentId, refusal.kind() == ConsentDocument.Refusal.Kind.REFUSED ? VisitStatus.CONSENT_REFUSED
                : VisitStatus.CONSENT_WITHDRAWN);
        audit.record(AuditAction.CREATE, "ConsentRefusal", appointmentId, appointment.patientId(),
                refusal.kind().label() + ": " + why);
        return visits.consentRefusal(appointmentId).orElseThrow();
    }

    /** The patient's refusal or withdrawal of consent, if any. */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public java.util.Optional<ConsentDocument.Refusal> consentRefusal(UUID appointmentId) {
        Appointment appointment = bookings.appointment(appointmentId);
        var refusal = visits.consentRefusal(appointmentId);
        refusal.ifPresent(r -> audit.record(AuditAction.READ, "ConsentRefusal", appointmentId, appointment.patientId(), null));
        return refusal;
    }

    /**
     * Once consent is withdrawn after the time-out the injection may have begun, so what was done is still
     * recorded: the sign-out, the record and its signing go on; nothing else does (ADR 0015).
     */
    private void refuseWhenStoppedBeforeTimeOut(UUID appointmentId, VisitStatus status, String field) {
        if (status.stopped() && visits.confirmations(appointmentId).stream().noneMatch(c -> c.step() == ChecklistStep.TIME_OUT)) {
            refuseWhenStopped(status, field);
        }
    }

    private static void refuseWhenStopped(VisitStatus status, String field) {
        if (status.stopped()) {
            throw new InvalidInputException(field, "The procedure is stopped: " + status.label().toLowerCase().replace("stopped: ", "")
                    + ". Nothing more is done on this visit.");
        }
    }

    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public java.util.Optional<ConsentDocument.Given> consent(UUID appointmentId) {
        Appointment appointment = bookings.appointment(appointmentId);
        var given = visits.consent(appointmentId);
        given.ifPresent(g -> audit.record(AuditAction.READ, "Consent", appointmentId, appointment.patientId(), null));
        return given;
    }

    /**
     * Saves the record of what was done, after time-out, replacing an unsigned draft. Refused beside its field
     * when incomplete, when a drug's batch has expired (HAZ-40), or when the record is signed (HAZ-41).
     */
    @Transactional
    @PreAuthorize("hasRole('RADIOLOGIST')")
    public ProcedureRecord saveRecord(UUID appointmentId, ProcedureRecord entered) {
        Appointment appointment = bookings.appointment(appointmentId);
        refuseWhenStoppedBeforeTimeOut(appointmentId, visits.lock(appointmentId)
                .orElseThrow(() -> new InvalidInputException("operator", "Check the patient in first.")), "operator");
        if (visits.confirmations(appointmentId).stream().noneMatch(c -> c.step() == ChecklistStep.TIME_OUT)) {
            throw new InvalidInputException("operator", "Confirm the time-out before recording the procedure.");
        }
        daySafety.holds(appointmentId, ChecklistStep.TIME_OUT).ifPresent(why -> {
            throw new InvalidInputException("operator", why);
        });
        ProcedureRecord.check(entered, LocalDate.ofInstant(appointment.start(), bookings.zone()));
        // Optional fields left empty are stored as absent, so the record and report say nothing of them.
        ProcedureRecord draft = new ProcedureRecord(entered.operator().strip(), optional(entered.assistant()), entered.guidance(),
                optional(entered.approach()), entered.needle().strip(), entered.aspirateMl(), optional(entered.aspirateAppearance()),
                optional(entered.aspirateSentFor()), entered.drugs(), entered.contrastUsed(), entered.needleTipConfirmed(),
                entered.keyImages(), optional(entered.studyInstanceUid()), entered.dapGyCm2(), entered.screeningSeconds(),
                entered.dlpMGyCm(), entered.ctdiVolMGy(), entered.painBefore(), entered.complications().strip(), entered.aftercareGiven(), clock.instant(),
                CurrentUser.username(), null, null);
        if (!visits.saveDraft(appointmentId, appointment.referralId(), appointment.patientId(), draft)) {
            throw new InvalidInputException("operator", "This record is signed and cannot be changed; add an addendum.");
        }
        audit.record(AuditAction.UPDATE, "ProcedureRecord", appointmentId, appointment.patientId(), "draft saved");
        return visits.record(appointmentId).orElseThrow();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE', 'INTEGRATION')")
    public java.util.Optional<ProcedureRecord> record(UUID appointmentId) {
        Appointment appointment = bookings.appointment(appointmentId);
        var record = visits.record(appointmentId);
        record.ifPresent(r -> audit.record(AuditAction.READ, "ProcedureRecord", appointmentId, appointment.patientId(), null));
        return record;
    }

    /**
     * The signed record, for work the system does after signing (the diary starts from its pain score before
     * the injection). Refused inside a user's request: pages use {@link #record(UUID)}.
     */
    @Transactional
    public java.util.Optional<ProcedureRecord> signedRecordForSystem(UUID appointmentId) {
        if (!CurrentUser.SYSTEM.equals(CurrentUser.username())) {
            throw new org.springframework.security.access.AccessDeniedException("for system work only");
        }
        Appointment appointment = bookings.appointment(appointmentId);
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
        Appointment appointment = bookings.appointment(appointmentId);
        List<InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
        if (minutesAfter == null || minutesAfter < 1 || minutesAfter > PainScore.MAX_MINUTES_AFTER) {
            problems.add(new InvalidInputException.FieldProblem("minutesAfter", "Give the minutes after the injection, 1 to "
                    + PainScore.MAX_MINUTES_AFTER + " (the anaesthetic's window, facts DX-05)."));
        }
        if (score == null || score < 0 || score > 10) {
            problems.add(new InvalidInputException.FieldProblem("score", "Enter the pain score, 0 to 10."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
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
    public java.util.Optional<PainResponse> painResponse(UUID appointmentId) {
        Appointment appointment = bookings.appointment(appointmentId);
        var response = visits.record(appointmentId).map(r -> r.painResponse(visits.painScores(appointmentId), properties.thresholds()));
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
        Appointment appointment = bookings.appointment(appointmentId);
        VisitStatus status = visits.lock(appointmentId)
                .orElseThrow(() -> new InvalidInputException("sign", "Check the patient in first."));
        ProcedureRecord record = visits.record(appointmentId)
                .orElseThrow(() -> new InvalidInputException("sign", "Save the procedure record before signing it."));
        if (record.signed()) {
            throw new InvalidInputException("sign", "This record is already signed.");
        }
        refuseWhenStoppedBeforeTimeOut(appointmentId, status, "sign");
        if (visits.confirmations(appointmentId).stream().noneMatch(c -> c.step() == ChecklistStep.SIGN_OUT)) {
            throw new InvalidInputException("sign", "Confirm the sign-out before signing the record.");
        }
        var now = clock.instant();
        if (!visits.sign(appointmentId, now, CurrentUser.username())) {
            throw new InvalidInputException("sign", "This record is already signed.");
        }
        referrals.advance(new ReferralId(appointment.referralId()), org.synovia.referral.ReferralStatus.DONE,
                "procedure done; record signed by " + accounts.staffNames().of(CurrentUser.username()));
        audit.record(AuditAction.UPDATE, "ProcedureRecord", appointmentId, appointment.patientId(), "signed");
        sendReport(appointment, visits.record(appointmentId).orElseThrow(), now, null);
        events.publishEvent(new ProcedureCompleted(appointmentId, appointment.referralId(), appointment.patientId(), now,
                CurrentUser.username()));
        return visits.record(appointmentId).orElseThrow();
    }

    /**
     * Stores the report with its PDF and queues it to the referrer, in the transaction that signed the record or
     * added the addendum: a signed record always has its report, and every addendum its amended report. At
     * signing the aftercare leaflet goes to the patient when an email is on record.
     *
     * @param addendum null at signing; else the addendum that makes this amended version
     */
    private void sendReport(Appointment appointment, ProcedureRecord record, java.time.Instant now,
            ProcedureRecord.Addendum addendum) {
        List<ProcedureRecord.Addendum> addenda = addendum == null ? List.of() : visits.addenda(appointment.id());
        ProcedureReport report = report(appointment, record, addenda);
        int version = visits.reports(appointment.id()).size() + 1;
        Referral referral = referrals.show(new ReferralId(appointment.referralId()));
        Patient patient = patient(appointment.patientId());
        var referrer = referral.details().referrer();
        String to = referrer == null ? null : referrer.email();
        byte[] pdf = reports.reportPdf(report);
        visits.saveReport(appointment.id(), version, addendum == null ? null : addendum.id(), report.text(), pdf, now, to);
        if (to != null) {
            outbox.queue(to, report.title() + ": " + patient.displayName() + ", " + ProcedureReports.DAY.format(report.performedOn()),
                    report.text() + "\nThe report is attached as a PDF.\n", patient.id().value(),
                    addendum == null ? "procedure-report" : "procedure-report-amended",
                    new org.synovia.notification.Attachment(addendum == null ? "procedure-report.pdf"
                            : "amended-report-" + version + ".pdf", "application/pdf", pdf));
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
                    new org.synovia.notification.Attachment("after-your-injection.pdf", "application/pdf", reports.leafletPdf(report)));
        }
    }

    private ProcedureReport report(Appointment appointment, ProcedureRecord record, List<ProcedureRecord.Addendum> addenda) {
        Referral referral = referrals.show(new ReferralId(appointment.referralId()));
        Patient patient = patient(appointment.patientId());
        DiabetesType diabetes = referral.details().diabetes();
        var staff = accounts.staffNames();
        return ProcedureReports.report(patient.displayName(), patient.dateOfBirth(),
                patient.nhsNumber() == null ? null : patient.nhsNumber().formatted(),
                LocalDate.ofInstant(appointment.start(), bookings.zone()), visit(appointment.id()).procedure(), record,
                record.painResponse(visits.painScores(appointment.id()), properties.thresholds()),
                diabetes != null && diabetes != DiabetesType.NONE, addenda, bookings.zone(),
                java.util.stream.Stream.concat(ProcedureReports.daySafetyLines(storedDaySafety(appointment, referral),
                        bookings.zone(), staff).stream(), java.util.stream.Stream.concat(
                                againstProtocol(appointment, referral, record).stream(),
                                givenAgainstTimeOut(appointment.id(), record).stream())).toList(),
                comparativeBlocks(appointment, referral, record), staff,
                record.signed() ? accounts.find(record.signedBy()).map(org.synovia.account.UserAccount::signatory)
                        .orElse(null) : null);
    }

    /**
     * This diagnostic block read with the patient's previous signed diagnostic block of the same target (ADR 0038),
     * derived each time from the two records and their pain scores; empty when this is not a diagnostic block or
     * there is no earlier one. A fixed number of statements, however many blocks the patient has had.
     */
    private List<String> comparativeBlocks(Appointment appointment, Referral referral, ProcedureRecord record) {
        var details = referral.details();
        if (details.intent() == org.synovia.referral.Intent.THERAPEUTIC || details.siteCode() == null
                || details.laterality() == null) {
            return List.of();
        }
        var target = new ComparativeBlocks.Target(details.siteCode(), details.laterality().name(), details.spinalLevel());
        var before = record.signed() ? record.signedAt() : clock.instant();
        return visits.previousDiagnosticBlock(appointment.patientId(), appointment.id(), details.siteCode(),
                details.laterality().name(), details.spinalLevel(), before).flatMap(earlierId -> visits.record(earlierId)
                        .map(earlier -> {
                            var earlierBlock = ComparativeBlocks.Block.of(
                                    "Earlier block (signed " + LocalDate.ofInstant(earlier.signedAt(), bookings.zone()) + ")",
                                    target, earlier.painResponse(visits.painScores(earlierId), properties.thresholds()),
                                    earlier.drugs());
                            var thisBlock = ComparativeBlocks.Block.of(
                                    "This block (" + LocalDate.ofInstant(appointment.start(), bookings.zone()) + ")", target,
                                    record.painResponse(visits.painScores(appointment.id()), properties.thresholds()),
                                    record.drugs());
                            return ComparativeBlocks.read(earlierBlock, thisBlock, properties.thresholds()).lines();
                        }))
                .orElse(List.of());
    }

    /** The comparative reading of this diagnostic block with the same target's previous one, for the record page. */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public List<String> comparativeBlockLines(UUID appointmentId) {
        Appointment appointment = bookings.appointment(appointmentId);
        var record = visits.record(appointmentId);
        if (record.isEmpty()) {
            return List.of();
        }
        var lines = comparativeBlocks(appointment, referrals.show(new ReferralId(appointment.referralId())), record.get());
        if (!lines.isEmpty()) {
            audit.record(AuditAction.READ, "ComparativeBlocks", appointmentId, appointment.patientId(), "record page");
        }
        return lines;
    }

    /** What the day stored (observations, checks, decisions, urgent pathway), without asking the engine again. */
    private DaySafety storedDaySafety(Appointment appointment, Referral referral) {
        return new DaySafety(DaySafetyChecks.required(referral),
                dayRecords.latestObservations(appointment.id()).map(Map.Entry::getValue), List.of(), "",
                dayRecords.checks(appointment.id()), dayRecords.urgentPathway(appointment.id()),
                dayRecords.surgeonNotice(appointment.referralId()), List.of());
    }

    /** What the record does against the accepted protocol it was pre-filled from (ADR 0084); empty when they agree. */
    private List<String> againstProtocol(Appointment appointment, Referral referral, ProcedureRecord record) {
        return protocols.forReferral(referral.id()).map(a -> AgainstProtocol.lines(a.protocol().guidance(),
                a.protocol().approach(), daySafety.protocolDrugs(appointment, referral, bookings.zone()), record))
                .orElse(List.of());
    }

    /** Where the saved record differs from the accepted protocol, for the record page; empty before a record. */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public List<String> recordAgainstProtocol(UUID appointmentId) {
        Appointment appointment = bookings.appointment(appointmentId);
        var record = visits.record(appointmentId);
        if (record.isEmpty()) {
            return List.of();
        }
        audit.record(AuditAction.READ, "ProcedureRecord", appointmentId, appointment.patientId(), "record against the protocol");
        return againstProtocol(appointment, referrals.show(new ReferralId(appointment.referralId())), record.get());
    }

    /**
     * The accepted protocol's guidance and approach, which the record form starts from (ADR 0084); empty when none is
     * accepted.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public Optional<Protocol> acceptedProtocol(UUID appointmentId) {
        Appointment appointment = bookings.appointment(appointmentId);
        return protocols.forReferral(new ReferralId(appointment.referralId())).map(AcceptedProtocols.AcceptedProtocol::protocol);
    }

    /** What the record gives against what the confirmed time-out checked (HAZ-89); empty when they agree. */
    private List<String> givenAgainstTimeOut(UUID appointmentId, ProcedureRecord record) {
        List<DrugToGive> checked = confirmedTimeOutDrugs(appointmentId);
        return checked.isEmpty() ? List.of() : GivenAgainstTimeOut.lines(checked, record.drugs());
    }

    /**
     * Where the saved record's drugs differ from those the time-out checked, as a finding for the record page (the
     * report prints it too); empty when they agree or no record is saved (ADR 0043).
     */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public List<String> recordAgainstTimeOut(UUID appointmentId) {
        Appointment appointment = bookings.appointment(appointmentId);
        List<String> lines = visits.record(appointmentId).map(r -> givenAgainstTimeOut(appointmentId, r)).orElse(List.of());
        audit.record(AuditAction.READ, "ProcedureRecord", appointmentId, appointment.patientId(), "drugs against the time-out");
        return lines;
    }

    /** The day's safety lines as the record page shows them (and the report prints them). */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public List<String> daySafetyLines(UUID appointmentId) {
        Appointment appointment = bookings.appointment(appointmentId);
        Referral referral = referrals.show(new ReferralId(appointment.referralId()));
        audit.record(AuditAction.READ, "DaySafety", appointmentId, appointment.patientId(), "record page");
        return ProcedureReports.daySafetyLines(storedDaySafety(appointment, referral), bookings.zone(), accounts.staffNames());
    }

    /**
     * One version of the report as it was sent (1 is the original; later ones are amended), for reading and
     * printing; the latest when {@code version} is null. Only for a signed record.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE', 'INTEGRATION')")
    public byte[] reportPdf(UUID appointmentId, Integer version) {
        ProcedureReport original = signedReport(appointmentId);
        int latest = Math.max(1, visits.reports(appointmentId).size());
        int wanted = version == null ? latest : version;
        if (wanted < 1 || wanted > latest) {
            throw new InvalidInputException("version", "There is no report version " + wanted + ".");
        }
        // Reports stored before PDFs were kept are the original, rendered again from the final record.
        return visits.reportPdf(appointmentId, wanted).orElseGet(() -> reports.reportPdf(original));
    }

    /** Every version of the report as stored and sent, oldest first. */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public List<ProcedureReport.Sent> reports(UUID appointmentId) {
        Appointment appointment = bookings.appointment(appointmentId);
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
    public List<ReportVersion> reportVersions(java.util.Collection<UUID> appointmentIds) {
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
        return visits.reportPdf(appointmentId, version).orElseGet(() -> reports.reportPdf(signedReport(appointmentId)));
    }

    /** The patient's aftercare leaflet as a PDF, for printing; only for a signed record. */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public byte[] leafletPdf(UUID appointmentId) {
        return reports.leafletPdf(signedReport(appointmentId));
    }

    /** The report of a signed record, for systems it is sent to (HL7 results); the read is audited. */
    @Transactional
    public ProcedureReport signedReport(UUID appointmentId) {
        Appointment appointment = bookings.appointment(appointmentId);
        ProcedureRecord record = visits.record(appointmentId).filter(ProcedureRecord::signed)
                .orElseThrow(() -> new InvalidInputException("sign", "Sign the record first."));
        audit.record(AuditAction.EXPORT, "ProcedureReport", appointmentId, appointment.patientId(), "PDF");
        return report(appointment, record, List.of());
    }

    /**
     * Adds a correction or later finding to a signed record, with why; the original stays as it was. An amended
     * report (the original content and every addendum so far) is stored and sent to the referrer in the same
     * transaction; the earlier versions stay stored (HAZ-44).
     */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public ProcedureRecord.Addendum addAddendum(UUID appointmentId, String text, String reason) {
        Appointment appointment = bookings.appointment(appointmentId);
        String body = text("text", text, "Write the addendum.");
        String why = text("reason", reason, "Say why the addendum is needed.");
        visits.lock(appointmentId); // one addendum at a time, so report versions number in order
        ProcedureRecord signed = visits.record(appointmentId).filter(ProcedureRecord::signed)
                .orElseThrow(() -> new InvalidInputException("text", "Only a signed record takes addenda; change the draft instead."));
        UUID id = UUID.randomUUID();
        var now = clock.instant();
        visits.addAddendum(id, appointmentId, body, why, now, CurrentUser.username());
        audit.record(AuditAction.CREATE, "ProcedureAddendum", id, appointment.patientId(), why);
        ProcedureRecord.Addendum added = visits.addenda(appointmentId).stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow();
        sendReport(appointment, signed, now, added);
        return added;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String optional(String value) {
        return present(value) ? value.strip() : null;
    }

    private static String text(String field, String value, String missing) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, missing);
        }
        if (value.strip().length() > 1000) {
            throw new InvalidInputException(field, "Use at most 1000 characters.");
        }
        return value.strip();
    }

    private Patient patient(UUID id) {
        return patients.find(new PatientId(id)).orElseThrow();
    }
}
