package org.synovia.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.BookingFixtures;
import org.synovia.booking.BookingInvitations;
import org.synovia.booking.Bookings;
import org.synovia.booking.SlotFinder;
import org.synovia.patient.Patients;
import org.synovia.referral.ReferralId;
import org.synovia.referral.Referrals;
import org.synovia.safety.MedicationPlan;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.Guidance;
import org.synovia.testing.TestSmtp;
import org.synovia.vetting.AcceptedProtocols;
import org.synovia.vetting.Vetting;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.internet.MimeMessage;

@SynoviaIntegrationTest
class AppointmentLetterIntegrationTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.greenMail();

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    @Autowired Bookings bookings;

    @Autowired BookingInvitations invitations;
    @Autowired SlotFinder slotFinder;
    @Autowired BookingDesk desk;
    @Autowired org.synovia.waitinglist.Funding funding;

    @Autowired Clock clock;
    @Autowired Sessions sessions;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired AcceptedProtocols protocols;
    @Autowired MockMvc mvc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private Appointment bookCervicalFacetOnApixaban(UserAccount clerk) {
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(clerk);
        for (DayOfWeek day : DayOfWeek.values()) {
            SchedulingFixtures.clinic(sessions, accounts, Guidance.CT, day, LocalTime.of(18, 0), LocalTime.of(18, 45),
                    List.of(45));
        }
        UUID referralId = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                BookingFixtures::cervicalFacetOnApixaban, BookingFixtures.ctCervicalFacet());
        AccountFixtures.signIn(clerk);
        return desk.book(referralId, slotFinder.search(referralId, 1).offers().getFirst().slot().id());
    }

    /**
     * Unknown is not no, and ASRA's patient-factor upgrade moves ASRA alone (docs/clinical-safety/conventions.md):
     * a lumbar facet on apixaban is low risk in both sources, so the letter says to keep taking it; with older
     * age recorded, ASRA alone asks for a stop, which is for the prescriber, so the letter says not to stop
     * unless the prescriber says so.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "older age {0} → {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "NO,  Keep taking your apixaban as usual.",
            "YES, Do not stop your apixaban unless the doctor who prescribes it tells you to.",
    })
    void tellsThePatientWhatTheRecordedBleedingRiskFactorsMeanForTheirApixaban(org.synovia.shared.YesNoUnknown olderAge,
            String instruction) throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(clerk);
        for (DayOfWeek day : DayOfWeek.values()) {
            SchedulingFixtures.clinic(sessions, accounts, Guidance.CT, day, LocalTime.of(18, 0), LocalTime.of(18, 45),
                    List.of(45));
        }
        UUID referralId = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                patientId -> org.synovia.testing.RecordCopies.with(org.synovia.testing.RecordCopies.with(
                        org.synovia.testing.RecordCopies.with(org.synovia.referral.ReferralFixtures.kneeOnApixaban(patientId),
                                "siteCode", "FACET_LUMBAR"), "spinalLevel", "L4/5"), "olderAge", olderAge),
                BookingFixtures.ctCervicalFacet());
        // A lumbar facet injection without sciatica waits for an individual funding request (EBI, POL-003); it is
        // approved here because the letter is what this test is about.
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.ADMIN));
        funding.approve(referralId, "IFR-LETTER-TEST", java.time.LocalDate.now(clock), null);
        AccountFixtures.signIn(clerk);
        Appointment appointment = desk.book(referralId, slotFinder.search(referralId, 1).offers().getFirst().slot().id());

        String letter = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> letterFor(appointment), java.util.Optional::isPresent).orElseThrow();

        assertThat(letter).contains(instruction);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void emailsTheLetterAsAPdfThatSaysWhenToTakeTheLastApixaban() throws Exception {
        Appointment appointment = bookCervicalFacetOnApixaban(AccountFixtures.create(accounts, Role.BOOKING));
        LocalDateTime start = LocalDateTime.ofInstant(appointment.start(), LONDON);
        MedicationPlan plan = protocols.checkAt(new ReferralId(appointment.referralId()), start).assessment()
                .planFor(Antithrombotic.APIXABAN).orElseThrow();

        String letter = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> letterFor(appointment), java.util.Optional::isPresent).orElseThrow();

        assertThat(letter).contains(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK).format(start) + " at "
                + TIME.format(start));
        assertThat(letter).contains("Take your last apixaban on " + DAY.format(plan.lastDose()) + " at "
                + TIME.format(plan.lastDose()));
        assertThat(plan.lastDose()).isBefore(start);
        assertThat(letter).contains("If you have diabetes").contains("What to bring").contains("Placing the needle")
                .contains("When to get help urgently").contains("Call 999");
        assertThat(letter).contains("Test Injection Service").contains("Out of hours, phone 01632 960 199")
                .contains("Questions, or need to change your appointment? Phone 01632 960 100.");
        assertThat(letter.indexOf("Getting ready")).isLessThan(letter.indexOf("Finding the spot"));
        assertThat(letter.indexOf("Finding the spot")).isLessThan(letter.indexOf("Placing the needle"));
        assertThat(letter.indexOf("Placing the needle")).isLessThan(letter.indexOf("The injection."));
        assertThat(letter.indexOf("The injection.")).isLessThan(letter.indexOf("Afterwards."));
    }

    @Test
    void tellsThePatientWhenTheClinicCancelsAndToRestartTheirBloodThinner() {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        Appointment appointment = bookCervicalFacetOnApixaban(clerk);
        String when = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK)
                .format(LocalDateTime.ofInstant(appointment.start(), LONDON));

        desk.cancel(appointment.id(), "Operator off sick");

        String body = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> java.util.Arrays
                .stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).equals("Your injection appointment on " + when + " is cancelled"))
                .map(m -> com.icegreen.greenmail.util.GreenMailUtil.getBody(m)).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(body.replaceAll("=\\r?\\n", "").replaceAll("\\s+", " "))
                .contains("we have had to cancel").contains("start it again at your usual time")
                .doesNotContain("Operator off sick")
                .contains("Test Injection Service Test Hospital, 1 Test Road, Testtown TE1 1ST Telephone 01632 960 100");
    }

    @Test
    void emailsABookingLinkWithWhichThePatientChoosesTheirOwnSlotOnce() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(clerk);
        for (DayOfWeek day : DayOfWeek.values()) {
            SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, day, LocalTime.of(20, 0),
                    LocalTime.of(20, 20), List.of(20));
        }
        UUID referralId = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                org.synovia.referral.ReferralFixtures::kneeOnApixaban, BookingFixtures.ultrasoundKnee());
        AccountFixtures.signIn(clerk);
        UUID invitation = invitations.invite(referralId);
        AccountFixtures.signOut();

        String path = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> java.util.Arrays
                .stream(smtp.getReceivedMessages()).filter(m -> subject(m).equals("Choose your injection appointment"))
                .map(m -> com.icegreen.greenmail.util.GreenMailUtil.getBody(m).replaceAll("=\\r?\\n", ""))
                .map(body -> java.util.regex.Pattern.compile("(/choose-appointment/[A-Za-z0-9_-]+)").matcher(body))
                .filter(java.util.regex.Matcher::find).map(m -> m.group(1)).reduce((a, b) -> b), java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(invitations.newInvitationToken(invitation)).isEmpty();

        String page = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Choose your injection appointment").doesNotContain("apixaban");
        String slotId = page.replaceAll("(?s).*name=\"slotId\" value=\"([0-9a-f-]{36})\".*", "$1");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).param("slotId", slotId)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Booked:")));

        AccountFixtures.signIn(clerk);
        Appointment booked = bookings.forReferral(referralId).getFirst();
        assertThat(booked.slotId()).isEqualTo(UUID.fromString(slotId));
        assertThat(booked.bookedBy()).isEqualTo("patient (booking link)");
        // Within its life the used link opens what it booked, to change or cancel, and books nothing more.
        mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Your appointment")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Cancel my appointment")));
    }

    @Test
    void offersASlotFreedByACancellationToTheNextPatientWhoAcceptsItByTheLink() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(clerk);
        for (DayOfWeek day : DayOfWeek.values()) {
            SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, day, LocalTime.of(21, 0),
                    LocalTime.of(21, 20), List.of(20));
        }
        UUID cancelling = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                org.synovia.referral.ReferralFixtures::kneeOnApixaban, BookingFixtures.ultrasoundKnee());
        UUID next = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                org.synovia.referral.ReferralFixtures::kneeOnApixaban, org.synovia.testing.RecordCopies.with(
                        BookingFixtures.ultrasoundKnee(), "priority", org.synovia.waitinglist.Priority.URGENT));
        AccountFixtures.signIn(clerk);
        java.time.Instant twoDaysAhead = clock.instant().plus(java.time.Duration.ofDays(2));
        UUID slotId = slotFinder.search(cancelling, 50).offers().stream().filter(o -> o.slot().start().isAfter(twoDaysAhead))
                .findFirst().orElseThrow().slot().id();
        Appointment appointment = desk.book(cancelling, slotId);

        desk.cancel(appointment.id(), "Patient now has a knee replacement date");
        AccountFixtures.signOut();

        String path = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> java.util.Arrays
                .stream(smtp.getReceivedMessages()).filter(m -> subject(m).equals("An earlier injection appointment is free"))
                .map(m -> com.icegreen.greenmail.util.GreenMailUtil.getBody(m).replaceAll("=\\r?\\n", ""))
                .map(body -> java.util.regex.Pattern.compile("(/choose-appointment/[A-Za-z0-9_-]+)").matcher(body))
                .filter(java.util.regex.Matcher::find).map(m -> m.group(1)).reduce((a, b) -> b), java.util.Optional::isPresent)
                .orElseThrow();
        String page = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(slotId.toString());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                        .param("slotId", slotId.toString())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Booked:")));

        AccountFixtures.signIn(clerk);
        assertThat(bookings.forReferral(next)).singleElement().satisfies(a -> {
            assertThat(a.slotId()).isEqualTo(slotId);
            assertThat(a.active()).isTrue();
        });
    }

    @Test
    void servesThePrintableLetterFromTheAppointmentPage() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        Appointment appointment = bookCervicalFacetOnApixaban(clerk);

        byte[] pdf = mvc.perform(get("/appointments/{id}/letter.pdf", appointment.id())
                        .with(user(clerk.username()).roles("BOOKING")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(text(pdf)).contains("Your medicines before the injection").contains("apixaban");
        mvc.perform(get("/appointments/{id}/letter.pdf", appointment.id()).with(user("ref").roles("REFERRER")))
                .andExpect(status().isForbidden());
    }

    private static java.util.Optional<String> letterFor(Appointment appointment) throws Exception {
        return org.synovia.testing.ReceivedLetters.appointmentLetter(smtp, appointment.id());
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
