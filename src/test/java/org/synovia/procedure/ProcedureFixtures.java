package org.synovia.procedure;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.BookingFixtures;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.Referrals;
import org.synovia.safety.Finding;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.SlotQuery;
import org.synovia.shared.YesNoUnknown;
import org.synovia.vetting.Acceptance;
import org.synovia.vetting.Protocol;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;

/**
 * Procedure days set up through the façades, as the service would: a patient referred, vetted and booked into a
 * clinic of their own, the appointment moved to start now, checked in and consented. Synthetic data only.
 */
public final class ProcedureFixtures {

    private static final int SEARCH_WEEKS = 8;

    private final UserAccounts accounts;
    private final Patients patients;
    private final Referrals referrals;
    private final Vetting vetting;
    private final Sessions sessions;
    private final WaitingList waitingList;
    private final BookingDesk desk;
    private final Visits visits;
    private final Consents consents;
    private final Checklists checklists;
    private final JdbcClient jdbc;
    private final Clock clock;
    private UserAccount clerk;
    private UserAccount referrer;

    /** The fixtures with every façade they use taken from the test's application context. */
    public static ProcedureFixtures of(ApplicationContext context) {
        return new ProcedureFixtures(context.getBean(UserAccounts.class), context.getBean(Patients.class), context.getBean(Referrals.class), context.getBean(Vetting.class), context.getBean(Sessions.class), context.getBean(WaitingList.class), context.getBean(BookingDesk.class), context.getBean(Visits.class), context.getBean(Consents.class), context.getBean(Checklists.class), context.getBean(JdbcClient.class), context.getBean(Clock.class));
    }

    public ProcedureFixtures(UserAccounts accounts, Patients patients, Referrals referrals, Vetting vetting,
            Sessions sessions, WaitingList waitingList, BookingDesk desk, Visits visits, Consents consents, Checklists checklists, JdbcClient jdbc,
            Clock clock) {
        this.accounts = accounts;
        this.patients = patients;
        this.referrals = referrals;
        this.vetting = vetting;
        this.sessions = sessions;
        this.waitingList = waitingList;
        this.desk = desk;
        this.visits = visits;
        this.consents = consents;
        this.checklists = checklists;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A new adult patient referred with {@code details} for {@code protocol}, accepted by {@code radiologist} (who
     * justifies whatever the engine asks) and booked into the first open slot of a clinic made for the test on every
     * weekday. Leaves nobody signed in.
     */
    public Appointment booked(UserAccount radiologist, Function<UUID, ReferralDetails> details, Protocol protocol) {
        return booked(radiologist, details.apply(registered(PatientFixtures.adult())), protocol);
    }

    /** Registers a patient as this fixture's referrer, for several referrals of one patient; leaves nobody signed in. */
    public UUID registered(org.synovia.patient.NewPatient patient) {
        AccountFixtures.signIn(referrer());
        UUID id = ((Registration.Registered) patients.register(patient, false)).patient().id().value();
        AccountFixtures.signOut();
        return id;
    }

    /** As above, for a patient already registered (the referral names them). */
    public Appointment booked(UserAccount radiologist, ReferralDetails details, Protocol protocol) {
        AccountFixtures.signIn(clerk());
        List<UUID> rooms = Arrays.stream(DayOfWeek.values()).map(day -> SchedulingFixtures.clinic(sessions, accounts,
                protocol.guidance(), day, LocalTime.of(9, 0), LocalTime.of(10, 0), List.of(protocol.slotMinutes()))
                .room().id()).toList();
        AccountFixtures.signIn(referrer());
        Referral referral = referrals.submit(UUID.randomUUID(), details);
        AccountFixtures.signIn(radiologist);
        Map<String, String> reasons = vetting.recheck(referral.id(), protocol).needingJustification().stream()
                .collect(Collectors.toMap(Finding::ruleId, f -> "Justified for the test", (a, b) -> a));
        vetting.accept(referral.id(), protocol, new Acceptance(null, null, null, reasons));
        AccountFixtures.signIn(clerk());
        LocalDate today = LocalDate.now(clock);
        LocalDate earliest = waitingList.entry(referral.id().value()).orElseThrow().earliestDate();
        UUID slotId = sessions.openSlots(new SlotQuery(protocol.guidance(), details.siteCode(), null, null,
                        protocol.slotMinutes(), earliest == null ? today : earliest, today.plusWeeks(SEARCH_WEEKS), null, null))
                .stream().filter(s -> rooms.contains(s.roomId())).findFirst().orElseThrow().id();
        Appointment appointment = desk.book(referral.id().value(), slotId);
        AccountFixtures.signOut();
        return appointment;
    }

    private UserAccount clerk() {
        if (clerk == null) {
            clerk = AccountFixtures.create(accounts, Role.BOOKING);
        }
        return clerk;
    }

    private UserAccount referrer() {
        if (referrer == null) {
            referrer = AccountFixtures.create(accounts, Role.REFERRER);
        }
        return referrer;
    }

    /** Moves the appointment to start now: booking keeps starts later, the procedure day is today. */
    public Appointment startingNow(Appointment appointment) {
        BookingFixtures.startAt(jdbc, clock, appointment.id(), Duration.ZERO, Duration.ofMinutes(20));
        return appointment;
    }

    /** Checks the patient in by name and date of birth, and records their consent, as {@code user}, who stays signed in. */
    public Appointment checkedInAndConsented(UserAccount user, Appointment appointment) {
        AccountFixtures.signIn(user);
        var patient = patients.find(new PatientId(appointment.patientId())).orElseThrow();
        visits.checkIn(appointment.id(), new IdentityCheck(patient.givenName() + " " + patient.familyName(),
                patient.dateOfBirth(), null));
        consents.recordConsent(appointment.id(), consents.consentDocument(appointment.id()).sha256(), true);
        return appointment;
    }

    /**
     * The usual start of a procedure-day test: a left knee on apixaban ({@code details}) under ultrasound, vetted by
     * {@code radiologist}, booked, starting now, checked in and consented by {@code user}, who stays signed in.
     */
    public Appointment consentedKnee(UserAccount radiologist, UserAccount user, Function<UUID, ReferralDetails> details) {
        return consented(radiologist, user, details, BookingFixtures.ultrasoundKnee());
    }

    /** As {@link #consentedKnee}, for any referral and protocol. */
    public Appointment consented(UserAccount radiologist, UserAccount user, Function<UUID, ReferralDetails> details,
            Protocol protocol) {
        return checkedInAndConsented(user, startingNow(booked(radiologist, details, protocol)));
    }

    /** Every check of a checklist step, ticked. */
    public java.util.Set<String> everything(UUID appointmentId, ChecklistStep step) {
        return checklists.checklist(appointmentId).checks(step).stream().map(ChecklistCheck::code)
                .collect(Collectors.toSet());
    }

    /**
     * Records unremarkable sign-in observations (36.6 °C, 130/80 mmHg, glucose 6.2 mmol/L, a calm target, and an INR
     * of 1.1 taken an hour before {@code now} when the patient takes a vitamin K antagonist), as the signed-in user.
     */
    public static DaySafety unremarkableObservations(Checklists checklists, UUID appointmentId, LocalDateTime now) {
        boolean inr = checklists.daySafety(appointmentId).required().inr();
        return checklists.recordObservations(appointmentId, 36.6, 6.2, 130, 80, inr ? 1.1 : null,
                inr ? now.minusHours(1) : null, YesNoUnknown.NO, YesNoUnknown.NO, YesNoUnknown.NO);
    }
}
