package org.synovia.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.notification.MessageCentre;
import org.synovia.testing.TestSmtp;
import org.synovia.vetting.Vetting;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/** Staff send the diary invitation again: the patient gets a fresh link and the earlier one stops working. */
@SynoviaIntegrationTest
class DiaryLinkReissueIntegrationTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.greenMail();
    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired PatientDiaries patientDiaries;
    @Autowired MessageCentre messages;
    @Autowired UserAccounts accounts;
    @Autowired Vetting vetting;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void sendsTheDiaryInvitationAgainWithAFreshLinkAndRevokesTheEarlier() {
        DiaryFixtures fixtures = DiaryFixtures.of(context).readingMailFrom(smtp);
        Appointment appointment = fixtures.therapeuticKnee();
        String first = fixtures.link(appointment.id());
        assertThat(patientDiaries.open(first)).isNotNull();
        UUID invitation = jdbc.sql("select id from outbound_email where patient_id = ? and purpose = 'diary-link'")
                .param(appointment.patientId()).query(UUID.class).single();

        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.BOOKING));
        messages.resend(invitation);

        List<String> links = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> fixtures.links(appointment.id(), "diary-link"), found -> found.size() == 2);
        assertThat(links.get(1)).isNotEqualTo(first);
        assertThat(patientDiaries.open(links.get(1))).isNotNull();
        assertThatThrownBy(() -> patientDiaries.open(first)).isInstanceOf(DiaryLinkRefused.class);
    }
}
