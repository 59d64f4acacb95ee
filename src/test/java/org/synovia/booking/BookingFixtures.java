package org.synovia.booking;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.synovia.account.UserAccount;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.safety.Finding;
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

    /**
     * Records the commissioner's approval, as an administrator, when the policy applied at vetting left the referral
     * waiting for one: for tests of booking itself, which the funding gate (ADR 0072) is not what they test.
     */
    public static void fundingCleared(org.synovia.waitinglist.Funding funding, org.synovia.waitinglist.WaitingList waitingList,
            UserAccount admin, UUID referralId, java.time.LocalDate today) {
        AccountFixtures.signIn(admin);
        if (!waitingList.entry(referralId).orElseThrow().funding().allowsTreatment()) {
            funding.approve(referralId, "TEST-APPROVAL", today, null);
        }
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
