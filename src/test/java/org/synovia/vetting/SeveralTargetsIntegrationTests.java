package org.synovia.vetting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.SlotFinder;
import org.synovia.notification.AppointmentLetters;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.procedure.Visits;
import org.synovia.procedure.Consents;
import org.synovia.referral.ReferralId;
import org.synovia.safety.Finding;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.Guidance;
import org.synovia.testing.TestSmtp;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * A knee with the trochanteric bursa of the same side in one session, from the referral form through the vetting
 * page to the booked letter and the procedure day: the bursa's bupivacaine is counted with the knee's lidocaine
 * (HAZ-85).
 */
@SynoviaIntegrationTest
class SeveralTargetsIntegrationTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.greenMail();

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Vetting vetting;
    @Autowired AcceptedProtocols protocols;
    @Autowired Sessions sessions;
    @Autowired SlotFinder slotFinder;
    @Autowired BookingDesk desk;
    @Autowired org.synovia.waitinglist.Funding funding;
    @Autowired AppointmentLetters letters;
    @Autowired Visits visits;
    @Autowired Consents consents;
    @Autowired JdbcClient jdbc;

    UserAccount referrer;
    UserAccount radiologist;
    UUID patientId;

    @BeforeEach
    void setUp() {
        referrer = AccountFixtures.create(accounts, Role.REFERRER);
        radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(referrer);
        patientId = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient().id().value();
        AccountFixtures.signOut();
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    /** The referrer's form: a left knee, and with "Add another target" the left trochanteric bursa. */
    private ReferralId referKneeAndBursa() throws Exception {
        MockHttpServletRequestBuilder form = post("/referrals").with(user(referrer.username()).roles("REFERRER")).with(csrf());
        Map.ofEntries(Map.entry("submissionKey", UUID.randomUUID().toString()), Map.entry("patientId", patientId.toString()),
                        Map.entry("siteCode", "KNEE_JOINT"), Map.entry("laterality", "LEFT"), Map.entry("intent", "THERAPEUTIC"),
                        Map.entry("indication", "OSTEOARTHRITIS"),
                        Map.entry("requestedInjectate", "CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC"),
                        Map.entry("clinicalQuestion", "Left knee OA and greater trochanteric pain syndrome."),
                        Map.entry("noKnownAllergies", "true"), Map.entry("diabetes", "NONE"),
                        Map.entry("pregnancy", "NOT_APPLICABLE"), Map.entry("weightKg", "70"), Map.entry("heightCm", "170"),
                        Map.entry("urgency", "ROUTINE"), Map.entry("referrerName", "Dr Test"),
                        Map.entry("referrerOrganisation", "Test Hospital"),
                        Map.entry("additionalTargets[0].siteCode", "TROCHANTERIC_BURSA"),
                        Map.entry("additionalTargets[0].laterality", "LEFT"),
                        Map.entry("additionalTargets[0].requestedInjectate", "CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC"))
                .forEach(form::param);
        String location = mvc.perform(form).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return new ReferralId(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
    }

    /** The vetting page's accept form as pre-filled, with the bursa's local anaesthetic as given. */
    private MockHttpServletRequestBuilder protocol(String path, String bursaBupivacaineMl) {
        return protocol(path, bursaBupivacaineMl, "LEFT");
    }

    private MockHttpServletRequestBuilder protocol(String path, String bursaBupivacaineMl, String bursaSide) {
        return post(path).with(user(radiologist.username()).roles("RADIOLOGIST")).with(csrf())
                .param("guidance", "ULTRASOUND").param("corticosteroid", "Methylprednisolone acetate 40 mg/mL")
                .param("corticosteroidDoseMg", "40").param("localAnaesthetic", "Lidocaine 1%").param("localAnaestheticMl", "1")
                .param("operatorGrade", "CONSULTANT").param("slotMinutes", "30").param("priority", "ROUTINE")
                .param("policySet", "NHS_ENGLAND")
                .param("targets[0].siteCode", "TROCHANTERIC_BURSA").param("targets[0].side", bursaSide)
                .param("targets[0].corticosteroid", "METHYLPREDNISOLONE_ACETATE").param("targets[0].corticosteroidDoseMg", "20")
                .param("targets[0].localAnaesthetic", "BUPIVACAINE").param("targets[0].localAnaestheticPercent", "0.5")
                .param("targets[0].localAnaestheticMl", bursaBupivacaineMl);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void countsTheSecondTargetsBupivacaineFromTheFormToTheLetter() throws Exception {
        ReferralId id = referKneeAndBursa();

        // Vetting proposes the bursa's usual drugs beside the knee's and a slot 10 minutes longer (ADR 0039).
        String page = mvc.perform(get("/vetting/" + id).with(user(radiologist.username()).roles("RADIOLOGIST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("2. Greater trochanteric bursa, left", "aria-label=\"Local anaesthetic volume at target 2\"",
                "value=\"METHYLPREDNISOLONE_ACETATE\" selected", "name=\"slotMinutes\" value=\"30\"");

        // 30 mL of 0.5% bupivacaine at the bursa alone is the patient's whole bupivacaine maximum (150 mg for 70 kg);
        // with the knee's lidocaine the session is above 100%: a STOP that blocks acceptance.
        String refused = mvc.perform(protocol("/vetting/" + id + "/accept", "30")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("across 2 targets", "above 100%", "this STOP blocks acceptance");
        assertThat(jdbc.sql("select count(*) from vetting_decision where referral_id = ?").param(id.value())
                .query(Integer.class).single()).isZero();

        // 12 mL is allowed, and the finding names the largest bupivacaine volume left with the knee's lidocaine.
        AccountFixtures.signIn(radiologist);
        Map<String, String> justifications = vetting.review(id, null).safety().needingJustification().stream()
                .collect(Collectors.toMap(Finding::ruleId, f -> "Justified for the test", (a, b) -> a));
        MockHttpServletRequestBuilder accept = protocol("/vetting/" + id + "/accept", "12");
        justifications.forEach((rule, reason) -> accept.param("safetyJustifications[" + rule + "]", reason));
        // No conservative care is recorded, so the policy asks for prior approval (POL-002): confirmed, then approved.
        mvc.perform(accept.param("confirmUnfunded", "true")).andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("""
                select t.site_code || ' ' || t.laterality || ' ' || t.local_anaesthetic || ' ' || t.local_anaesthetic_percent
                       || '% ' || t.local_anaesthetic_ml || ' mL'
                from vetting_target t join vetting_decision d on d.id = t.decision_id where d.referral_id = ?""")
                .param(id.value()).query(String.class).list())
                .containsExactly("TROCHANTERIC_BURSA LEFT BUPIVACAINE 0.50% 12.0 mL");
        String laFinding = protocols.checkAt(id, sessions.today().plusDays(30).atTime(10, 0)).assessment()
                .findings().stream().filter(f -> f.ruleId().equals("SAF-070") && f.message().contains("across"))
                .findFirst().orElseThrow().message();
        assertThat(laFinding).contains("bupivacaine 60 mg of max 140 mg", "across 2 targets", "allowed",
                "largest permitted", "mL of 0.5% bupivacaine with the others as planned");

        // Booked in a 30-minute slot, the letter names both targets; the day list and consent list both.
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        AccountFixtures.signIn(clerk);
        for (DayOfWeek day : DayOfWeek.values()) {
            SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, day, LocalTime.of(19, 0), LocalTime.of(19, 30),
                    List.of(30));
        }
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.ADMIN));
        funding.approve(id.value(), "PA-TARGETS-TEST", sessions.today(), null);
        AccountFixtures.signIn(clerk);
        Appointment appointment = desk.book(id.value(), slotFinder.search(id.value(), 1).offers().getFirst().slot().id());
        assertThat(appointment.minutes()).isEqualTo(30);

        String letter = text(letters.pdf(appointment.id()));
        assertThat(letter).contains("Your left knee joint and left greater trochanteric bursa injections",
                "What will be injected", "Left knee joint", "Left greater trochanteric bursa", "your appointment is 30 minutes");

        AccountFixtures.signIn(radiologist);
        var entry = visits.visit(appointment.id());
        assertThat(entry.procedure()).isEqualTo("Knee joint (left); Greater trochanteric bursa (left)");
        assertThat(entry.protocol()).contains("target 2: methylprednisolone acetate 20 mg; bupivacaine 0.5% 12 mL");
        assertThat(consents.consentDocument(appointment.id()).procedure())
                .contains("and of the greater trochanteric bursa (left) with methylprednisolone acetate 20 mg; bupivacaine 0.5% 12 mL");
    }

    @Test
    void refusesAProtocolWhoseTargetsAreNotTheReferralsAndShowsWhyBesideTheTargets() throws Exception {
        ReferralId id = referKneeAndBursa();

        String page = mvc.perform(protocol("/vetting/" + id + "/accept", "2", "RIGHT"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("The referral&#39;s targets have changed since this page was opened");
        assertThat(jdbc.sql("select count(*) from vetting_decision where referral_id = ?").param(id.value())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void showsATargetsDrugProblemBesideItsOwnField() throws Exception {
        ReferralId id = referKneeAndBursa();

        String page = mvc.perform(protocol("/vetting/" + id + "/accept", "45")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        String row = page.substring(page.indexOf("aria-label=\"Local anaesthetic strength at target 2\""));
        assertThat(row.substring(0, row.indexOf("aria-label=\"Local anaesthetic volume at target 2\"")))
                .contains("Enter a volume between 0 and 30 mL.");
    }
}
