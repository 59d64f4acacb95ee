package org.synovia.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.patient.Patients;
import org.synovia.referral.ReferralId;
import org.synovia.referral.ReferralStatus;
import org.synovia.referral.ReferralStatusChanged;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Sessions;
import org.synovia.vetting.Vetting;

/**
 * An event delivered twice at once, as when a restarting instance resubmits a publication a live instance is
 * still handling (ADR 0027): the listener's work is done once.
 */
@SynoviaIntegrationTest
class HandledEventsIntegrationTests {

    @Autowired JdbcClient jdbc;

    @Autowired Clock clock;
    @Autowired PlatformTransactionManager transactions;
    @Autowired ReferralOutcomeEmails referralOutcomeEmails;
    @Autowired Sessions sessions;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void emailsTheReferrerOnceWhenTwoInstancesHandleOneEventAtTheSameTime() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UUID referralId = OutboxFixtures.waitingKnee(sessions, accounts, patients, referrals, vetting, clerk, LocalTime.of(7, 0));
        UUID patientId = referrals.show(new ReferralId(referralId)).details().patientId();
        // Listeners act for whoever made the change; here a radiologist, who may read the referral.
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(radiologist);
        ReferralStatusChanged event = new ReferralStatusChanged(new ReferralId(referralId), patientId, ReferralStatus.WAITING,
                ReferralStatus.MORE_INFORMATION_REQUESTED, "Which side?", "radiologist", clock.instant());
        long before = questions(patientId);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(instances.submit(() -> {
                AccountFixtures.signIn(radiologist);
                start.await();
                handle(event);
                AccountFixtures.signOut();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
        instances.shutdown();
        handle(event);

        assertThat(questions(patientId) - before).as("one question email for one change, however often it is handled")
                .isEqualTo(1);
    }

    /**
     * Runs the listener as the registry does, in a transaction of its own, but on this thread: through the bean
     * it would be handed to the asynchronous executor.
     */
    private void handle(ReferralStatusChanged event) {
        ReferralOutcomeEmails listener = AopTestUtils.getTargetObject(referralOutcomeEmails);
        new TransactionTemplate(transactions).executeWithoutResult(status -> listener.on(event));
    }

    private long questions(UUID patientId) {
        return jdbc.sql("""
                select count(*) from outbound_email where patient_id = ? and purpose = 'referral-more_information_requested'
                """).param(patientId).query(Long.class).single();
    }
}
