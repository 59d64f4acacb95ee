package org.synovia.booking;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.safety.Finding;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.SchedulingFixtures.Clinic;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;
import org.synovia.testing.RecordCopies;
import org.synovia.vetting.Acceptance;
import org.synovia.vetting.Protocol;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.Priority;

/** Puts patients on the waiting list the way the service does: referred, then vetted and accepted. */
public final class BookingFixtures {

    private BookingFixtures() {
    }

    public static Protocol ultrasoundKnee() {
        return new Protocol(Guidance.ULTRASOUND, null, "Methylprednisolone acetate 40 mg/mL", new BigDecimal("40"),
                "Lidocaine 1%", new BigDecimal("2"), false, "CONSULTANT", null, 20, Priority.ROUTINE, false);
    }

    public static Protocol ctCervicalFacet() {
        return new Protocol(Guidance.CT, null, "Methylprednisolone acetate 40 mg/mL", new BigDecimal("40"),
                "Bupivacaine 0.25%", new BigDecimal("1"), true, "CONSULTANT", null, 45, Priority.ROUTINE, false);
    }

    public static ReferralDetails cervicalFacetOnApixaban(UUID patientId) {
        return RecordCopies.with(RecordCopies.with(ReferralFixtures.kneeOnApixaban(patientId), "siteCode", "FACET_CERVICAL"),
                "spinalLevel", "C4/5");
    }

    /** Hyaluronan for knee osteoarthritis: NICE NG226 does not fund it, so vetting accepts it as an IFR (POL-001). */
    public static ReferralDetails kneeHyaluronanForOsteoarthritis(UUID patientId) {
        return RecordCopies.with(ReferralFixtures.kneeOnApixaban(patientId), "requestedInjectate",
                org.synovia.referral.RequestedInjectate.HYALURONAN);
    }

    /**
     * Registers a patient, refers them as the referrer and accepts as the radiologist, justifying whatever the
     * engine asks to be justified; leaves the radiologist signed in.
     */
    public static UUID waiting(Patients patients, Referrals referrals, Vetting vetting, UserAccount referrer,
            UserAccount radiologist, java.util.function.Function<UUID, ReferralDetails> details, Protocol protocol) {
        return waiting(patients, referrals, vetting, referrer, radiologist, PatientFixtures.adult(), details, protocol);
    }

    /** As above, for the given patient. */
    public static UUID waiting(Patients patients, Referrals referrals, Vetting vetting, UserAccount referrer,
            UserAccount radiologist, org.synovia.patient.NewPatient patient,
            java.util.function.Function<UUID, ReferralDetails> details, Protocol protocol) {
        AccountFixtures.signIn(referrer);
        UUID patientId = ((Registration.Registered) patients.register(patient, false)).patient().id().value();
        Referral referral = referrals.submit(UUID.randomUUID(), details.apply(patientId));
        AccountFixtures.signIn(radiologist);
        Map<String, String> reasons = vetting.recheck(referral.id(), protocol).needingJustification().stream()
                .collect(Collectors.toMap(Finding::ruleId, f -> "Justified for the test", (a, b) -> a));
        vetting.accept(referral.id(), protocol, new Acceptance(null, null, null, reasons));
        return referral.id().value();
    }

    /** A clerk, a referrer and a radiologist of a test's own. */
    public record Staff(UserAccount clerk, UserAccount referrer, UserAccount radiologist) {

        public static Staff of(UserAccounts accounts) {
            return new Staff(AccountFixtures.create(accounts, Role.BOOKING), AccountFixtures.create(accounts, Role.REFERRER),
                    AccountFixtures.create(accounts, Role.RADIOLOGIST));
        }

        /** A knee patient on apixaban, referred, vetted for an ultrasound-guided injection and waiting; the clerk signed in. */
        public UUID waitingKnee(Patients patients, Referrals referrals, Vetting vetting) {
            UUID referralId = waiting(patients, referrals, vetting, referrer, radiologist, ReferralFixtures::kneeOnApixaban,
                    ultrasoundKnee());
            AccountFixtures.signIn(clerk);
            return referralId;
        }
    }

    /** The staff of a test's own desk and the clinics it books into. */
    public record Desk(Staff staff, List<Clinic> clinics) {
    }

    /**
     * A booking desk of a test's own: its staff (the clerk signed in) and an ultrasound clinic in a new room every day
     * of the week from {@code start} to {@code end}, at hours no other test's clinic uses, so that in a full run the
     * test's searches find its own slots first.
     */
    public static Desk desk(UserAccounts accounts, Sessions sessions, LocalTime start, LocalTime end, List<Integer> pattern) {
        Staff staff = Staff.of(accounts);
        AccountFixtures.signIn(staff.clerk());
        List<Clinic> clinics = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            clinics.add(SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, day, start, end, pattern));
        }
        return new Desk(staff, List.copyOf(clinics));
    }

    /**
     * Books {@code slotId} for every referral at once, the i-th through {@code instances[i % n]}, all released
     * together; returns "booked" or the refusal each attempt received.
     */
    public static List<String> race(List<BookingDesk> instances, List<UUID> referralIds, UUID slotId, UserAccount clerk)
            throws Exception {
        CountDownLatch ready = new CountDownLatch(referralIds.size());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(referralIds.size());
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < referralIds.size(); i++) {
                BookingDesk desk = instances.get(i % instances.size());
                UUID referralId = referralIds.get(i);
                Callable<String> attempt = () -> {
                    AccountFixtures.signIn(clerk);
                    ready.countDown();
                    go.await();
                    try {
                        desk.book(referralId, slotId);
                        return "booked";
                    }
                    catch (InvalidInputException e) {
                        return e.problems().getFirst().message();
                    }
                    finally {
                        AccountFixtures.signOut();
                    }
                };
                outcomes.add(pool.submit(attempt));
            }
            if (!ready.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not every booking attempt got ready");
            }
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(120, TimeUnit.SECONDS));
            }
            return results;
        }
        finally {
            pool.shutdown();
        }
    }

    /**
     * Moves a booked appointment so that it starts at {@code offset} from the test clock's now: the booking rules keep
     * new starts later than now, but the procedure day needs one that is due.
     */
    public static void startAt(JdbcClient jdbc, Clock clock, UUID appointmentId, Duration offset, Duration length) {
        Instant start = clock.instant().plus(offset);
        jdbc.sql("update appointment set during = tstzrange(?, ?) where id = ?")
                .params(Timestamp.from(start), Timestamp.from(start.plus(length)), appointmentId).update();
    }
}
