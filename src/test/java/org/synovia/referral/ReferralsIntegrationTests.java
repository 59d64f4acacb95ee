package org.synovia.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.shared.InvalidInputException;

@SynoviaIntegrationTest
class ReferralsIntegrationTests {

    @Autowired
    Referrals referrals;

    @Autowired
    Patients patients;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    UserAccount referrer;
    UUID patientId;

    @BeforeEach
    void registerPatientAsReferrer() {
        referrer = AccountFixtures.create(accounts, Role.REFERRER);
        AccountFixtures.signIn(referrer);
        patientId = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient().id().value();
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void storesEverythingTheReferrerEnteredAndStartsAsSubmitted() {
        ReferralDetails details = ReferralFixtures.kneeOnApixaban(patientId);

        Referral referral = referrals.submit(UUID.randomUUID(), details);

        assertThat(referral.details()).isEqualTo(details);
        assertThat(referral.status()).isEqualTo(ReferralStatus.SUBMITTED);
        assertThat(referral.submittedBy()).isEqualTo(referrer.username());
        assertThat(referrals.show(referral.id())).isEqualTo(referral);
    }

    @Test
    void storesASecondSubmissionOfTheSameFormOnlyOnce() {
        UUID key = UUID.randomUUID();
        Referral first = referrals.submit(key, ReferralFixtures.kneeOnApixaban(patientId));
        Referral second = referrals.submit(key, ReferralFixtures.kneeOnApixaban(patientId));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(countFor(patientId)).isEqualTo(1);
    }

    @Test
    void storesConcurrentSubmissionsOfTheSameFormOnlyOnce() throws Exception {
        UUID key = UUID.randomUUID();
        int attempts = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ReferralId>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(attempts)) {
            for (int i = 0; i < attempts; i++) {
                Callable<ReferralId> submit = () -> {
                    AccountFixtures.signIn(referrer);
                    start.await();
                    return referrals.submit(key, ReferralFixtures.kneeOnApixaban(patientId)).id();
                };
                results.add(pool.submit(submit));
            }
            start.countDown();
            List<ReferralId> ids = new ArrayList<>();
            for (Future<ReferralId> result : results) {
                ids.add(result.get());
            }
            assertThat(ids).hasSize(attempts).containsOnly(ids.getFirst());
        }
        assertThat(countFor(patientId)).isEqualTo(1);
    }

    @Test
    void savesNothingWhenTheReferralIsInvalid() {
        ReferralDetails bad = org.synovia.testing.RecordCopies.with(ReferralFixtures.kneeOnApixaban(patientId), "weightKg",
                new java.math.BigDecimal("700"));
        assertThatThrownBy(() -> referrals.submit(UUID.randomUUID(), bad)).isInstanceOf(InvalidInputException.class);
        assertThat(countFor(patientId)).isZero();
    }

    @Test
    void showsAReferrerOnlyTheirOwnReferralsAndStaffAllOfThem() {
        Referral mine = referrals.submit(UUID.randomUUID(), ReferralFixtures.kneeOnApixaban(patientId));

        UserAccount otherReferrer = AccountFixtures.create(accounts, Role.REFERRER);
        AccountFixtures.signIn(otherReferrer);
        assertThat(referrals.list(ReferralFilter.NONE)).extracting(ReferralSummary::id).doesNotContain(mine.id());
        assertThatThrownBy(() -> referrals.show(mine.id())).isInstanceOf(ReferralNotFoundException.class);

        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.RADIOLOGIST));
        assertThat(referrals.list(ReferralFilter.NONE)).extracting(ReferralSummary::id).contains(mine.id());
        assertThat(referrals.show(mine.id()).id()).isEqualTo(mine.id());
    }

    @Test
    void filtersTheListByStatusSiteAndPatient() {
        Referral referral = referrals.submit(UUID.randomUUID(), ReferralFixtures.kneeOnApixaban(patientId));
        String nhs = patients.find(new org.synovia.patient.PatientId(patientId)).orElseThrow().nhsNumber().value();

        assertThat(referrals.list(new ReferralFilter(ReferralStatus.SUBMITTED, "KNEE_JOINT", null, null, nhs)))
                .extracting(ReferralSummary::id).containsExactly(referral.id());
        assertThat(referrals.list(new ReferralFilter(ReferralStatus.BOOKED, null, null, null, nhs))).isEmpty();
        assertThat(referrals.list(new ReferralFilter(null, "HIP_JOINT", null, null, nhs))).isEmpty();
    }

    @Test
    void withdrawsWithAReasonOnceAndRecordsWhoAndWhy() {
        Referral referral = referrals.submit(UUID.randomUUID(), ReferralFixtures.kneeOnApixaban(patientId));

        assertThatThrownBy(() -> referrals.withdraw(referral.id(), " ")).isInstanceOf(InvalidInputException.class);
        Referral withdrawn = referrals.withdraw(referral.id(), "Symptoms settled");

        assertThat(withdrawn.status()).isEqualTo(ReferralStatus.WITHDRAWN);
        assertThat(withdrawn.statusReason()).isEqualTo("Symptoms settled");
        assertThat(withdrawn.statusChangedBy()).isEqualTo(referrer.username());
        assertThatThrownBy(() -> referrals.withdraw(referral.id(), "again")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot be withdrawn");
    }

    @Test
    void auditsSubmissionListAndView() {
        Referral referral = referrals.submit(UUID.randomUUID(), ReferralFixtures.kneeOnApixaban(patientId));
        referrals.show(referral.id());

        assertThat(jdbc.sql("select action from audit_event where record_type = 'Referral' and record_id = ? order by id")
                .param(referral.id().toString()).query(String.class).list()).containsExactly("CREATE", "READ");
    }

    private int countFor(UUID patient) {
        return jdbc.sql("select count(*) from referral where patient_id = ?").param(patient).query(Integer.class).single();
    }
}
