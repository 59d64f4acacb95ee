package org.synovia.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.UserAccounts;
import org.synovia.booking.BookingFixtures;
import org.synovia.patient.NewPatient;
import org.synovia.patient.Patient;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralId;
import org.synovia.referral.Referrals;
import org.synovia.safety.SafetyAssessment;

/**
 * The day list's kept safety answers (ADR 0128, HAZ-155) come from the records as they are now: a patient's record
 * corrected after the first view gives a fresh answer, the engine's own, and not the one kept.
 */
@SynoviaIntegrationTest
class KeptSafetyAnswersIntegrationTests {

    @Autowired Clock clock;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired AcceptedProtocols protocols;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void answersAfreshOnceThePatientsRecordChanges() {
        BookingFixtures.Staff staff = BookingFixtures.Staff.of(accounts);
        ReferralId id = new ReferralId(staff.waitingKnee(patients, referrals, vetting));
        LocalDateTime start = LocalDate.now(clock).plusWeeks(3).atTime(10, 0);
        Referral referral = referrals.show(id);
        AcceptedProtocols.AcceptedProtocol accepted = protocols.forReferral(id).orElseThrow();
        Patient patient = patients.find(new PatientId(referral.details().patientId())).orElseThrow();

        SafetyAssessment first = protocols.assessmentShownAt(referral, patient, accepted, start);
        assertThat(protocols.assessmentShownAt(referrals.show(id), patient, accepted, start))
                .as("the same records: the kept answer").isSameAs(first);
        assertThat(first).as("the engine's own answer").isEqualTo(fresh(referral, patient, accepted, start));

        Patient corrected = patients.updateDemographics(patient.id(), new NewPatient(patient.nhsNumber().value(),
                patient.hospitalNumber(), patient.familyName(), patient.givenName(), patient.dateOfBirth().minusYears(30),
                patient.sex(), patient.mobile(), patient.email(), patient.gpName(), patient.gpPractice(), patient.address()),
                "a corrected birth date");
        SafetyAssessment afterCorrection = protocols.assessmentShownAt(referrals.show(id), corrected, accepted, start);
        assertThat(afterCorrection).as("a changed record: a new answer").isNotSameAs(first)
                .isEqualTo(fresh(referral, corrected, accepted, start));
        assertThat(protocols.assessmentShownAt(referrals.show(id), corrected, accepted, start.plusDays(1)))
                .as("another start: a new answer").isNotSameAs(afterCorrection);
    }

    private SafetyAssessment fresh(Referral referral, Patient patient, AcceptedProtocols.AcceptedProtocol accepted,
            LocalDateTime start) {
        return protocols.checker(referral, patient, accepted).check(start).assessment();
    }
}
