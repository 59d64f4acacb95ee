package org.synovia.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccounts;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.testing.StatementCounter;

/** The referral search behind FHIR's ServiceRequest search reads its referrals' child lists in sets, not per row. */
@SynoviaIntegrationTest
class ReferralSearchStatementsIntegrationTests {

    @Autowired Referrals referrals;
    @Autowired Patients patients;
    @Autowired UserAccounts accounts;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void findsTwoOrSixReferralsInTheSameNumberOfStatements() throws Exception {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.REFERRER));
        UUID patientId = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient().id().value();
        submit(patientId, 2);
        AtomicReference<List<Referral>> found = new AtomicReference<>();
        long forTwo = StatementCounter.count(() -> found.getAndSet(referrals.search(patientId, null, null, null)));
        assertThat(found.get()).hasSize(2).allSatisfy(r -> assertThat(r.details().antithrombotics()).isNotEmpty());

        submit(patientId, 4);
        long forSix = StatementCounter.count(() -> found.getAndSet(referrals.search(patientId, null, null, null)));
        assertThat(found.get()).hasSize(6);
        assertThat(forSix).as("statements for six referrals against two").isEqualTo(forTwo);
    }

    private void submit(UUID patientId, int count) {
        for (int i = 0; i < count; i++) {
            referrals.submit(UUID.randomUUID(), ReferralFixtures.kneeOnApixaban(patientId));
        }
    }
}
