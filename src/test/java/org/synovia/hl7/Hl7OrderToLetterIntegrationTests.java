package org.synovia.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.BookingFixtures;
import org.synovia.booking.SlotFinder;
import org.synovia.referral.ReferralId;
import org.synovia.safety.Finding;
import org.synovia.safety.MedicationPlan;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.Guidance;
import org.synovia.testing.TestSmtp;
import org.synovia.vetting.Acceptance;
import org.synovia.vetting.AcceptedProtocols;
import org.synovia.vetting.Vetting;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;

/**
 * A blood thinner an HL7 order names only by its SNOMED CT substance code, sent over MLLP on loopback, reaches the
 * plan and the letter the patient receives: the day and time of the last apixaban before a CT cervical facet.
 */
@SynoviaIntegrationTest
class Hl7OrderToLetterIntegrationTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.greenMail();

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static TestOrderSystem client;

    @Autowired MllpListener listener;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired Vetting vetting;
    @Autowired SlotFinder slotFinder;
    @Autowired BookingDesk desk;
    @Autowired org.synovia.waitinglist.Funding funding;
    @Autowired java.time.Clock clock;
    @Autowired Sessions sessions;
    @Autowired AcceptedProtocols protocols;

    @BeforeAll
    static void startClient() {
        client = new TestOrderSystem();
    }

    @AfterAll
    static void stopClient() throws IOException {
        client.close();
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void anApixabanSentAsASnomedCodeReachesThePatientsLetter() throws Exception {
        var sample = new Hl7InboundIntegrationTests.Sample();
        String text = sample.text("orm-o01-no-pregnancy-answer.hl7", "T" + System.nanoTime()).replace("${FACTS}", "")
                .replaceAll("\r+$", "");
        for (var e : Map.of("${DOB}", "19700314", "${SEX}", "F",
                "${SITE}", "FACET_CERVICAL^Cervical facet joint injection^SYNOVIA", "${SIDE}", "L^Left^HL70495",
                "|L4/5|", "|C4/5|", "|1|WARFARIN|", "|1|698090000^Apixaban^SCT|", "|1|3 mg|", "|1|5 mg|",
                "|1|ONCE_DAILY|", "|1|TWICE_DAILY|", "|1|18:00|", "|1|08:00, 20:00|",
                "^PRN^CP^^^^07700900123", "^PRN^CP^^^^07700900123~^NET^Internet^alex@example.com").entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        Message ack = client.send(listener.port(), text);
        assertThat(new Terser(ack).get("MSA-1")).isEqualTo("AA");
        UUID referralId = TestOrderSystem.referralOf(jdbc, sample.nhs).orElseThrow();

        Appointment appointment = booked(new ReferralId(referralId));
        LocalDateTime start = LocalDateTime.ofInstant(appointment.start(), LONDON);
        MedicationPlan plan = protocols.checkAt(new ReferralId(referralId), start).assessment()
                .planFor(Antithrombotic.APIXABAN).orElseThrow();
        String letter = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> letterFor(appointment), Optional::isPresent)
                .orElseThrow();

        assertThat(letter).contains("Take your last apixaban on " + DAY.format(plan.lastDose()) + " at " + TIME.format(plan.lastDose()));
    }

    private Appointment booked(ReferralId id) {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(clerk);
        for (DayOfWeek day : DayOfWeek.values()) {
            SchedulingFixtures.clinic(sessions, accounts, Guidance.CT, day, LocalTime.of(18, 0), LocalTime.of(18, 45), List.of(45));
        }
        AccountFixtures.signIn(radiologist);
        var protocol = BookingFixtures.ctCervicalFacet();
        Map<String, String> reasons = vetting.recheck(id, protocol).needingJustification().stream()
                .collect(Collectors.toMap(Finding::ruleId, f -> "Justified for the test", (a, b) -> a));
        vetting.accept(id, protocol, new Acceptance(null, null, null, reasons));
        // The order names no conservative care, so the policy asks for prior approval (POL-002); it is recorded here
        // because the letter is what this test is about.
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.ADMIN));
        funding.approve(id.value(), "PA-LETTER-TEST", java.time.LocalDate.now(clock), null);
        AccountFixtures.signIn(clerk);
        return desk.book(id.value(), slotFinder.search(id.value(), 1).offers().getFirst().slot().id());
    }

    private static java.util.Optional<String> letterFor(Appointment appointment) throws Exception {
        return org.synovia.testing.ReceivedLetters.appointmentLetter(smtp, appointment.id());
    }
}
