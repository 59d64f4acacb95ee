package org.synovia.booking;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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
}
