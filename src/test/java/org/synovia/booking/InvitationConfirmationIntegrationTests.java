package org.synovia.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.patient.Patients;
import org.synovia.referral.ReferralId;
import org.synovia.referral.ReferralStatus;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Sessions;
import org.synovia.testing.TestSmtp;
import org.synovia.vetting.Vetting;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A patient choosing through their booking link sees what they are about to book and books only by confirming; within
 * the link's life they may change it (by a clerk's rules) or cancel it, and the slot they leave goes to freed slots.
 */
@SynoviaIntegrationTest
class InvitationConfirmationIntegrationTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.greenMail();

    private static final Pattern LINK = Pattern.compile("(/choose-appointment/[A-Za-z0-9_-]+)");
    private static final Pattern SLOT = Pattern.compile("name=\"slotId\" value=\"([0-9a-f-]{36})\"");

    @Autowired MockMvc mvc;
    @Autowired Bookings bookings;
    @Autowired FreedSlots freedSlots;
    @Autowired BookingInvitations invitations;
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
    void booksOnlyOnConfirmAndLetsThePatientChangeThenCancelWithinTheLinksLife() throws Exception {
        BookingFixtures.Desk setup = BookingFixtures.desk(accounts, sessions, LocalTime.of(20, 0), LocalTime.of(20, 40),
                List.of(20, 20));
        UserAccount clerk = setup.staff().clerk();
        UUID referralId = setup.staff().waitingKnee(patients, referrals, vetting);
        invitations.invite(referralId);
        AccountFixtures.signOut();
        String path = newestLink();

        String offers = page(get(path));
        List<String> slots = SLOT.matcher(offers).results().map(m -> m.group(1)).toList();
        assertThat(slots).hasSizeGreaterThanOrEqualTo(2);
        String confirm = page(get(path + "/confirm").param("slotId", slots.get(0)));
        assertThat(confirm).contains("Confirm your injection appointment").contains("Nothing is booked until you confirm")
                .contains("How to prepare").contains(slots.get(0));
        signedIn(clerk, () -> assertThat(bookings.forReferral(referralId)).isEmpty());
        assertThat(page(get(path + "/confirm").param("slotId", UUID.randomUUID().toString())))
                .contains("That appointment is no longer free");

        assertThat(page(post(path).param("slotId", slots.get(0)).with(csrf()))).contains("Booked:");
        String booked = page(get(path));
        assertThat(booked).contains("Your appointment").contains("Choose another time").contains("Cancel my appointment")
                .doesNotContain("value=\"" + slots.get(0) + "\"");
        String newSlot = SLOT.matcher(booked).results().map(m -> m.group(1)).findFirst().orElseThrow();
        assertThat(page(get(path + "/confirm").param("slotId", newSlot))).contains("Confirm the new time");

        assertThat(page(post(path + "/change").param("slotId", newSlot).with(csrf()))).contains("Changed:");
        signedIn(clerk, () -> {
            List<Appointment> all = bookings.forReferral(referralId);
            assertThat(all).hasSize(2);
            assertThat(all.get(0).status()).isEqualTo(AppointmentStatus.RESCHEDULED);
            assertThat(all.get(0).endedBy()).isEqualTo(BookingInvitations.PATIENT_INVITATION);
            assertThat(all.get(1).active()).isTrue();
            assertThat(all.get(1).slotId()).isEqualTo(UUID.fromString(newSlot));
            assertThat(freedSlots.freedSlots(1)).anySatisfy(f -> assertThat(f.slot().id()).isEqualTo(UUID.fromString(slots.get(0))));
        });

        assertThat(page(post(path + "/cancel").param("reason", "Going abroad").with(csrf()))).contains("is cancelled");
        signedIn(clerk, () -> {
            assertThat(bookings.forReferral(referralId)).noneMatch(Appointment::active);
            assertThat(referrals.show(new ReferralId(referralId)).status()).isEqualTo(ReferralStatus.WAITING);
        });
        assertThat(page(get(path))).contains("This link no longer works");
        assertThat(page(post(path + "/change").param("slotId", newSlot).with(csrf())))
                .contains("no longer opens a booked appointment");
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static void signedIn(UserAccount account, Runnable check) {
        AccountFixtures.signIn(account);
        try {
            check.run();
        }
        finally {
            AccountFixtures.signOut();
        }
    }

    /** The link in the newest "Choose your injection appointment" email. */
    private static String newestLink() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).equals("Choose your injection appointment"))
                .map(m -> GreenMailUtil.getBody(m).replaceAll("=\\r?\\n", ""))
                .map(LINK::matcher).filter(Matcher::find).map(m -> m.group(1)).reduce((a, b) -> b), Optional::isPresent)
                .orElseThrow();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
