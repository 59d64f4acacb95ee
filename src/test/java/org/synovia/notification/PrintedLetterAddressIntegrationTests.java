package org.synovia.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.geom.Rectangle2D;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import org.synovia.booking.SlotFinder;
import org.synovia.patient.NewPatient;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.patient.PostalAddress;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Sessions;
import org.synovia.testing.ReceivedLetters;
import org.synovia.testing.RecordCopies;
import org.synovia.testing.StatementCounter;
import org.synovia.testing.TestSmtp;
import org.synovia.vetting.Vetting;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * A letter for a patient without email is posted: the patient's name and address stand where a DL envelope's window
 * shows them, on the printed page and on the appointment letter behind it; a letter for a patient with no address is
 * flagged in the print queue and stays out of every batch until the address is added.
 */
@SynoviaIntegrationTest
class PrintedLetterAddressIntegrationTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.greenMail();

    private static final LocalTime CLINIC = LocalTime.of(16, 0);
    private static final float POINTS_PER_MM = 72f / 25.4f;
    /** A DL window envelope's window on the folded A4 page: 20 mm from the left, 45 to 90 mm from the top, 100 mm wide. */
    private static final Rectangle2D WINDOW = new Rectangle2D.Float(20 * POINTS_PER_MM, 45 * POINTS_PER_MM,
            100 * POINTS_PER_MM, 45 * POINTS_PER_MM);

    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired Sessions sessions;
    @Autowired SlotFinder slotFinder;
    @Autowired BookingDesk desk;
    @Autowired MessageCentre messages;
    @Autowired PrintQueue printQueue;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    MessageFixtures fixtures;
    UserAccount clerk;

    @BeforeEach
    void fixtures() {
        fixtures = new MessageFixtures(accounts, patients, referrals, vetting, sessions, slotFinder, desk, jdbc);
        clerk = AccountFixtures.create(accounts, Role.BOOKING);
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void printsThePatientsNameAndAddressInTheEnvelopeWindow() throws Exception {
        NewPatient patient = RecordCopies.with(MessageFixtures.withoutEmailOrMobile(), "address",
                new PostalAddress(List.of("Flat 3", "12 Window Street"), "Envelopeton", "zz5 5wn"));
        Appointment appointment = fixtures.book(clerk, patient, CLINIC);
        UUID letter = fixtures.awaitMessage(appointment.id(), Channel.LETTER);
        AccountFixtures.signIn(clerk);

        UUID batch = printQueue.makeBatch().orElseThrow();

        List<String> expected = List.of("Alex " + patient.familyName(), "Flat 3", "12 Window Street", "ENVELOPETON", "ZZ5 5WN");
        byte[] printed = printQueue.pdf(batch).orElseThrow();
        assertThat(windowOfPageNaming(printed, patient.familyName())).containsSubsequence(expected);
        assertThat(windowOfPageNaming(messages.attachment(letter).orElseThrow().content(), patient.familyName()))
                .containsSubsequence(expected);
        assertThat(ReceivedLetters.pdfText(printed)).contains("Your appointment letter is on the next page");
    }

    @Test
    void flagsALetterWhosePatientHasNoAddressAndKeepsItOutOfTheBatchUntilOneIsAdded() throws Exception {
        NewPatient patient = RecordCopies.with(MessageFixtures.withoutEmailOrMobile(), "address", null);
        Appointment appointment = fixtures.book(clerk, patient, CLINIC);
        UUID letter = fixtures.awaitMessage(appointment.id(), Channel.LETTER);
        AccountFixtures.signIn(clerk);

        String queue = mvc.perform(get("/print-queue").with(user(clerk.username()).roles("BOOKING")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("Cannot be posted: no address")
                .contains("/patients/" + appointment.patientId() + "/address");
        String withoutIt = printQueue.makeBatch().map(this::text).orElse("");
        assertThat(withoutIt).doesNotContain(patient.familyName());
        assertThat(printQueue.waiting()).extracting(OutboundEmail::id).contains(letter);
        assertThat(printQueue.cannotBePosted(printQueue.waiting())).contains(letter);

        patients.changeAddress(new PatientId(appointment.patientId()),
                new PostalAddress(List.of("4 Found Lane"), "Foundton", "ZZ6 6FD"));

        assertThat(printQueue.cannotBePosted(printQueue.waiting())).doesNotContain(letter);
        String withIt = text(printQueue.makeBatch().orElseThrow());
        assertThat(withIt).contains("Alex " + patient.familyName() + " 4 Found Lane FOUNDTON ZZ6 6FD");
        assertThat(printQueue.waiting()).extracting(OutboundEmail::id).doesNotContain(letter);
    }

    @Test
    void listsTheQueueWithItsAddressFlagsInAFixedNumberOfStatements() throws Exception {
        Appointment first = fixtures.book(clerk, MessageFixtures.withoutEmailOrMobile(), CLINIC);
        fixtures.awaitMessage(first.id(), Channel.LETTER);
        long few = StatementCounter.countWarm(() -> mvc.perform(get("/print-queue").with(user(clerk.username()).roles("BOOKING")))
                .andExpect(status().isOk()));
        for (NewPatient patient : List.of(MessageFixtures.withoutEmailOrMobile(),
                RecordCopies.with(MessageFixtures.withoutEmailOrMobile(), "address", null))) {
            fixtures.awaitMessage(fixtures.book(clerk, patient, CLINIC).id(), Channel.LETTER);
        }

        long more = StatementCounter.countWarm(() -> mvc.perform(get("/print-queue").with(user(clerk.username()).roles("BOOKING")))
                .andExpect(status().isOk()));

        assertThat(more).isEqualTo(few);
    }

    private String text(UUID batch) {
        try {
            return ReceivedLetters.pdfText(printQueue.pdf(batch).orElseThrow());
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The lines inside the envelope window of the first page that names this patient. */
    private static List<String> windowOfPageNaming(byte[] pdf, String familyName) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper whole = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                whole.setStartPage(page);
                whole.setEndPage(page);
                if (whole.getText(document).contains(familyName)) {
                    PDFTextStripperByArea area = new PDFTextStripperByArea();
                    area.addRegion("window", WINDOW);
                    PDPage found = document.getPage(page - 1);
                    area.extractRegions(found);
                    return area.getTextForRegion("window").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
                }
            }
        }
        throw new AssertionError("no page names " + familyName);
    }
}
