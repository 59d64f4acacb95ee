package org.synovia.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.BookingInvitations;
import org.synovia.booking.PatientLinks;
import org.synovia.booking.SlotFinder;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.InvalidInputException;
import org.synovia.testing.ReceivedLetters;
import org.synovia.testing.StatementCounter;
import org.synovia.testing.TestSmtp;
import org.synovia.vetting.Vetting;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * Staff open a stored message as sent and send it again (a fresh link, the old one revoked); a patient without
 * email or mobile gets the letter and the booking code through the print queue.
 */
@SynoviaIntegrationTest
class MessageCentreIntegrationTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.greenMail();

    private static final Pattern APPOINTMENT_LINK = Pattern.compile("/my-appointment/([A-Za-z0-9_-]+)");
    private static final LocalTime CLINIC = LocalTime.of(17, 0);
    private static final Pattern CODE = Pattern.compile("type this code: ([0-9A-Z]{4}-[0-9A-Z]{4})");

    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired Sessions sessions;
    @Autowired SlotFinder slotFinder;
    @Autowired BookingInvitations invitations;
    @Autowired BookingDesk desk;
    @Autowired PatientLinks patientLinks;
    @Autowired MessageCentre messages;
    @Autowired PrintQueue printQueue;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    MessageFixtures fixtures;

    @org.junit.jupiter.api.BeforeEach
    void fixtures() {
        fixtures = new MessageFixtures(accounts, patients, referrals, vetting, sessions, slotFinder, desk, jdbc);
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void opensTheLetterEmailAsSentAndSendsItAgainWithAFreshLinkThatRevokesTheOld() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        Appointment appointment = fixtures.book(clerk, PatientFixtures.adult(), CLINIC);
        UUID first = fixtures.awaitMessage(appointment.id(), Channel.EMAIL);
        String firstToken = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> linkInEmailWithLetter(appointment.id(), 1), Optional::isPresent).orElseThrow();

        AccountFixtures.signIn(clerk);
        OutboundEmail stored = messages.open(first).orElseThrow();
        assertThat(stored.body()).contains(EmailOutbox.LINK).doesNotContain(firstToken);
        assertThat(ReceivedLetters.pdfText(messages.attachment(first).orElseThrow().content()))
                .contains(appointment.id().toString());
        assertThat(patientLinks.byPatientLink(firstToken)).isPresent();

        UUID again = messages.resend(first);

        String secondToken = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> linkInEmailWithLetter(appointment.id(), 2), Optional::isPresent).orElseThrow();
        assertThat(secondToken).isNotEqualTo(firstToken);
        assertThat(patientLinks.byPatientLink(firstToken)).isEmpty();
        assertThat(patientLinks.byPatientLink(secondToken)).isPresent();
        assertThat(messages.open(again).orElseThrow().resentFrom()).isEqualTo(first);
        assertThat(messages.forPatient(appointment.patientId())).extracting(OutboundEmail::id).contains(first, again);
    }

    @Test
    void refusesToSendALinkAgainOnceTheAppointmentIsCancelled() {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        Appointment appointment = fixtures.book(clerk, PatientFixtures.adult(), CLINIC);
        UUID first = fixtures.awaitMessage(appointment.id(), Channel.EMAIL);
        AccountFixtures.signIn(clerk);
        desk.cancel(appointment.id(), "Operator unwell");

        assertThatThrownBy(() -> messages.resend(first)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("fresh link cannot be issued");
    }

    @Test
    void printsTheLetterForAPatientWithoutEmailOrMobileAndRecordsWhoPrintedIt() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        Appointment appointment = fixtures.book(clerk, MessageFixtures.withoutEmailOrMobile(), CLINIC);
        UUID letter = fixtures.awaitMessage(appointment.id(), Channel.LETTER);
        AccountFixtures.signIn(clerk);
        assertThat(printQueue.waiting()).extracting(OutboundEmail::id).contains(letter);

        UUID batch = printQueue.makeBatch().orElseThrow();

        String text = ReceivedLetters.pdfText(printQueue.pdf(batch).orElseThrow());
        assertThat(text).contains("Your appointment letter is on the next page").contains(appointment.id().toString());
        assertThat(printQueue.waiting()).extracting(OutboundEmail::id).doesNotContain(letter);
        printQueue.markPrinted(batch);
        assertThat(messages.open(letter).orElseThrow().status()).isEqualTo(OutboundEmail.Status.SENT);
        assertThat(printQueue.pdf(batch)).isEmpty();
        assertThat(printQueue.batches(20)).filteredOn(b -> b.id().equals(batch)).singleElement()
                .satisfies(b -> assertThat(b.printedBy()).isEqualTo(clerk.displayName()));
        assertThatThrownBy(() -> printQueue.markPrinted(batch)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void printsABookingCodeThatThePatientTypesToChooseTheirAppointment() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UUID referralId = fixtures.waiting(clerk, MessageFixtures.withoutEmailOrMobile(), CLINIC);
        AccountFixtures.signIn(clerk);
        UUID invitation = invitations.invite(referralId);
        UUID letter = fixtures.awaitMessage(invitation, Channel.LETTER);
        AccountFixtures.signIn(clerk);

        UUID batch = printQueue.makeBatch().orElseThrow();

        String text = ReceivedLetters.pdfText(printQueue.pdf(batch).orElseThrow());
        Matcher code = CODE.matcher(text);
        assertThat(code.find()).as(text).isTrue();
        assertThat(messages.open(letter).orElseThrow().body()).doesNotContain(code.group(1)).contains(EmailOutbox.LINK);
        AccountFixtures.signOut();
        String token = invitations.linkForCode(code.group(1).toLowerCase()).orElseThrow();
        assertThat(invitations.invitationOffers(token, 3)).isPresent();
        assertThat(invitations.linkForCode("ZZZZ-ZZZZ")).isEmpty();
    }

    @Test
    void listsAPatientsMessagesInAFixedNumberOfStatements() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        Appointment few = fixtures.book(clerk, PatientFixtures.adult(), CLINIC);
        Appointment many = fixtures.book(clerk, PatientFixtures.adult(), CLINIC);
        UUID first = fixtures.awaitMessage(many.id(), Channel.EMAIL);
        AccountFixtures.signIn(clerk);
        messages.resend(first);
        messages.resend(first);
        AccountFixtures.signOut();

        long forFew = StatementCounter.countWarm(() -> mvc.perform(get("/patients/{id}/messages", few.patientId())
                .with(user(clerk.username()).roles("BOOKING"))).andExpect(status().isOk()));
        long forMany = StatementCounter.countWarm(() -> mvc.perform(get("/patients/{id}/messages", many.patientId())
                .with(user(clerk.username()).roles("BOOKING"))).andExpect(status().isOk()));

        assertThat(messages.forPatient(many.patientId()).size()).isGreaterThan(messages.forPatient(few.patientId()).size() + 1);
        assertThat(forMany).isEqualTo(forFew);
    }

    /** The link token in the n-th received email carrying this appointment's letter. */
    static Optional<String> linkInEmailWithLetter(UUID appointmentId, int nth) throws Exception {
        int seen = 0;
        for (MimeMessage email : smtp.getReceivedMessages()) {
            StringBuilder plain = new StringBuilder();
            StringBuilder pdf = new StringBuilder();
            collect(email, plain, pdf);
            if (pdf.toString().contains(appointmentId.toString()) && ++seen == nth) {
                Matcher link = APPOINTMENT_LINK.matcher(plain);
                return link.find() ? Optional.of(link.group(1)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static void collect(Part part, StringBuilder plain, StringBuilder pdf) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), plain, pdf);
            }
        }
        else if (part.isMimeType("text/plain")) {
            plain.append(part.getContent());
        }
        else if (part.isMimeType("application/pdf")) {
            pdf.append(ReceivedLetters.pdfText(part.getInputStream().readAllBytes()));
        }
    }
}
