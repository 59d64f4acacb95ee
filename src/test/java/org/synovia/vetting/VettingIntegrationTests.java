package org.synovia.vetting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.referral.Intent;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.ReferralStatus;
import org.synovia.referral.Referrals;
import org.synovia.referral.RequestedInjectate;
import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;
import org.synovia.testing.RecordCopies;
import org.synovia.testing.TestSmtp;
import org.synovia.waitinglist.FundingStatus;
import org.synovia.waitinglist.Priority;
import org.synovia.waitinglist.WaitingList;
import org.synovia.waitinglist.WaitingListEntry;
import org.synovia.waitinglist.WaitingStandard;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.internet.MimeMessage;

@SynoviaIntegrationTest
class VettingIntegrationTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.greenMail();

    @Autowired
    Vetting vetting;

    @Autowired
    Clock clock;

    @Autowired
    Referrals referrals;

    @Autowired
    Patients patients;

    @Autowired
    UserAccounts accounts;

    @Autowired
    WaitingList waitingList;

    UserAccount referrer;
    UserAccount radiologist;
    UUID patientId;

    @BeforeEach
    void setUp() {
        referrer = AccountFixtures.create(accounts, Role.REFERRER);
        radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(referrer);
        patientId = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient().id().value();
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private Protocol ultrasoundKnee() {
        return new Protocol(Guidance.ULTRASOUND, null, "Methylprednisolone acetate 40 mg/mL", new BigDecimal("40"),
                "Lidocaine 1%", new BigDecimal("2"), false, "CONSULTANT", null, 20, Priority.ROUTINE, true);
    }

    @Test
    void blocksAcceptanceOnAStopUntilTheRadiologistRecordsWhyAndKeepsTheirNameWithIt() {
        Referral referral = referrals.submit(UUID.randomUUID(), ReferralFixtures.kneeAllergicToLidocaine(patientId));
        Protocol withLidocaine = ultrasoundKnee();

        AccountFixtures.signIn(radiologist);
        assertThat(vetting.recheck(referral.id(), withLidocaine).needingJustification())
                .anySatisfy(f -> assertThat(f.ruleId()).isEqualTo("SAF-040"));
        assertThatThrownBy(() -> vetting.accept(referral.id(), withLidocaine, new Acceptance(null, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("SAF-040");
        assertThat(referrals.show(referral.id()).status()).isEqualTo(ReferralStatus.SUBMITTED);

        VettingDecision decision = vetting.accept(referral.id(), withLidocaine, new Acceptance(null, null, null,
                java.util.Map.of("SAF-040", "Previous reaction was to lidocaine with adrenaline only; discussed with patient.")));
        assertThat(decision.safetyOverrides()).contains("SAF-040").contains(radiologist.username())
                .contains("discussed with patient");
    }

    @Test
    void setsTheEarliestDateWhereTheEngineAllowsARepeatHexacetonideInjection() {
        LocalDate previous = LocalDate.now(clock).minusDays(10);
        Referral referral = referrals.submit(UUID.randomUUID(), RecordCopies.with(ReferralFixtures.kneeOnApixaban(patientId),
                "previousInjections", java.util.List.of(new org.synovia.referral.ReferralDetails.PreviousInjection("KNEE_JOINT",
                        org.synovia.shared.Laterality.LEFT, previous, "Triamcinolone hexacetonide 20 mg"))));
        Protocol hexacetonide = RecordCopies.with(RecordCopies.with(ultrasoundKnee(), "corticosteroid",
                "Triamcinolone hexacetonide 20 mg/mL"), "corticosteroidDoseMg", new BigDecimal("20"));

        AccountFixtures.signIn(radiologist);
        SafetyReview review = vetting.recheck(referral.id(), hexacetonide);
        assertThat(review.earliestDate()).isAfterOrEqualTo(previous.plusDays(21));
        assertThat(review.earliestReasons()).anySatisfy(r -> assertThat(r).contains("RI-06"));

        vetting.accept(referral.id(), hexacetonide, new Acceptance(null, null, null,
                review.needingJustification().stream().collect(java.util.stream.Collectors.toMap(
                        org.synovia.safety.Finding::ruleId, f -> "Justified for the test"))));
        WaitingListEntry entry = waitingList.entry(referral.id().value()).orElseThrow();
        assertThat(entry.earliestDate()).isEqualTo(review.earliestDate());
        assertThat(entry.dateConstraints()).contains("RI-06");
    }

    @Test
    void leavesTimeToStopApixabanBeforeACervicalFacetInjection() {
        Referral referral = referrals.submit(UUID.randomUUID(), RecordCopies.with(RecordCopies.with(
                ReferralFixtures.kneeOnApixaban(patientId), "siteCode", "FACET_CERVICAL"), "spinalLevel", "C4/5"));
        Protocol ct = new Protocol(Guidance.CT, null, "Methylprednisolone acetate 40 mg/mL", new BigDecimal("40"),
                "Bupivacaine 0.25%", new BigDecimal("1"), true, "CONSULTANT", null, 45, Priority.ROUTINE, false);

        AccountFixtures.signIn(radiologist);
        SafetyReview review = vetting.recheck(referral.id(), ct);
        var plan = review.assessment().planFor(org.synovia.shared.Antithrombotic.APIXABAN).orElseThrow();
        assertThat(plan.action()).isEqualTo(org.synovia.safety.PlanAction.HOLD);
        assertThat(plan.lastDose().toLocalDate()).isAfterOrEqualTo(LocalDate.now(clock).plusDays(2));
        assertThat(plan.lastDose()).isBefore(review.earliestDate().atTime(9, 0));
    }

    @Test
    void acceptsAfterAQuestionIsAnsweredAndPutsThePatientOnTheListWithTheRttBreachDate() throws Exception {
        Referral referral = referrals.submit(UUID.randomUUID(), ReferralFixtures.kneeOnApixaban(patientId));

        AccountFixtures.signIn(radiologist);
        vetting.askForInformation(referral.id(), "Is there an effusion on examination?");
        assertThat(referrals.show(referral.id()).status()).isEqualTo(ReferralStatus.MORE_INFORMATION_REQUESTED);
        assertThat(vetting.queue()).extracting(s -> s.id()).doesNotContain(referral.id());

        AccountFixtures.signIn(referrer);
        referrals.answerInformation(referral.id(), "Yes, a moderate effusion.");
        assertThat(referrals.show(referral.id()).status()).isEqualTo(ReferralStatus.IN_VETTING);

        AccountFixtures.signIn(radiologist);
        assertThat(vetting.queue()).extracting(s -> s.id()).contains(referral.id());
        VettingDecision decision = vetting.accept(referral.id(), ultrasoundKnee(), new Acceptance(null, null, "Routine list"));

        assertThat(decision.decidedBy()).isEqualTo(radiologist.username());
        assertThat(referrals.show(referral.id()).status()).isEqualTo(ReferralStatus.WAITING);
        WaitingListEntry entry = waitingList.entry(referral.id().value()).orElseThrow();
        LocalDate received = LocalDate.ofInstant(referral.submittedAt(), ZoneId.of("Europe/London"));
        assertThat(entry.standard()).isEqualTo(WaitingStandard.RTT);
        assertThat(entry.breachDate()).isEqualTo(received.plusWeeks(18));
        assertThat(entry.fundingStatus()).isEqualTo(FundingStatus.FUNDED);

        // Other tests' queued emails go out on the same server: wait for the two about this patient.
        String patient = "NHS number ending " + patients.find(new PatientId(patientId)).orElseThrow().nhsNumber().value()
                .substring(6);
        List<String> subjects = Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> Arrays
                .stream(smtp.getReceivedMessagesForDomain("example.com")).map(VettingIntegrationTests::subject)
                .filter(s -> s.endsWith(patient)).toList(), found -> found.size() >= 2);
        assertThat(subjects).anyMatch(s -> s.startsWith("Question about your referral"))
                .anyMatch(s -> s.startsWith("Referral accepted"));
    }

    @Test
    void flagsAHyaluronanReferralForOsteoarthritisAndAcceptsItOnlyAsAnIndividualFundingRequest() {
        Referral referral = referrals.submit(UUID.randomUUID(), RecordCopies.with(ReferralFixtures.kneeOnApixaban(patientId),
                "requestedInjectate", RequestedInjectate.HYALURONAN));

        AccountFixtures.signIn(radiologist);
        VettingReview review = vetting.review(referral.id(), null);
        assertThat(review.policyFindings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("POL-001");
            assertThat(f.met()).isFalse();
            assertThat(f.sentence()).contains("NICE NG226");
        });
        assertThat(review.policyMet()).isFalse();

        vetting.accept(referral.id(), ultrasoundKnee(), new Acceptance(null, null, null));
        assertThat(waitingList.entry(referral.id().value()).orElseThrow().fundingStatus())
                .isEqualTo(FundingStatus.INDIVIDUAL_FUNDING_REQUEST);
    }

    @Test
    void usesTheDiagnosticStandardAndTheLatestDateBeforeAPlannedReplacement() {
        Referral referral = referrals.submit(UUID.randomUUID(), RecordCopies.with(ReferralFixtures.kneeOnApixaban(patientId),
                "intent", Intent.DIAGNOSTIC));
        LocalDate surgery = LocalDate.now(clock).plusMonths(5);

        AccountFixtures.signIn(radiologist);
        vetting.accept(referral.id(), ultrasoundKnee(), new Acceptance(null, surgery, null));

        WaitingListEntry entry = waitingList.entry(referral.id().value()).orElseThrow();
        assertThat(entry.standard()).isEqualTo(WaitingStandard.DM01);
        assertThat(entry.latestDate()).isEqualTo(surgery.minusMonths(3));
        assertThat(entry.dateConstraints()).contains("RI-10");
    }

    @Test
    void refusesToAcceptWhenTheReplacementIsLessThanThreeMonthsAwayAndChangesNothing() {
        Referral referral = referrals.submit(UUID.randomUUID(), ReferralFixtures.kneeOnApixaban(patientId));

        AccountFixtures.signIn(radiologist);
        assertThatThrownBy(() -> vetting.accept(referral.id(), ultrasoundKnee(),
                new Acceptance(null, LocalDate.now(clock).plusMonths(2), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("RI-10");
        assertThat(referrals.show(referral.id()).status()).isEqualTo(ReferralStatus.SUBMITTED);
        assertThat(waitingList.entry(referral.id().value())).isEmpty();
    }

    @Test
    void rejectsWithACodedReasonAndAnExplanation() {
        Referral referral = referrals.submit(UUID.randomUUID(), ReferralFixtures.kneeOnApixaban(patientId));

        AccountFixtures.signIn(radiologist);
        assertThatThrownBy(() -> vetting.reject(referral.id(), RejectionReason.LANDMARK_IN_PRIMARY_CARE, " "))
                .isInstanceOf(InvalidInputException.class);
        vetting.reject(referral.id(), RejectionReason.LANDMARK_IN_PRIMARY_CARE, "A landmark injection by the GP is appropriate.");

        Referral rejected = referrals.show(referral.id());
        assertThat(rejected.status()).isEqualTo(ReferralStatus.REJECTED);
        assertThat(rejected.statusReason()).contains("landmark injection in primary or community care");
        assertThat(vetting.review(referral.id(), null).decisions()).extracting(VettingDecision::outcome)
                .containsExactly(VettingDecision.Outcome.REJECTED);
    }

    @Test
    void refusesAGuidanceTheSiteIsNotInjectedUnder() {
        Referral referral = referrals.submit(UUID.randomUUID(), ReferralFixtures.kneeOnApixaban(patientId));
        Protocol ct = RecordCopies.with(ultrasoundKnee(), "guidance", Guidance.CT);
        Protocol ctNoOneStop = RecordCopies.with(ct, "oneStopEligible", false);

        AccountFixtures.signIn(radiologist);
        assertThatThrownBy(() -> vetting.accept(referral.id(), ctNoOneStop, new Acceptance(null, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not injected under ct");
    }

    @Test
    void letsOnlyRadiologistsVet() {
        Referral referral = referrals.submit(UUID.randomUUID(), ReferralFixtures.kneeOnApixaban(patientId));
        assertThatThrownBy(() -> vetting.accept(referral.id(), ultrasoundKnee(), new Acceptance(null, null, null)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
