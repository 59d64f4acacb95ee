package org.synovia.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingFixtures;
import org.synovia.patient.PatientFixtures;
import org.synovia.referral.Intent;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.ReferralFixtures;
import org.synovia.shared.Guidance;
import org.synovia.testing.RecordCopies;
import org.synovia.vetting.Vetting;

/** Two diagnostic blocks of one lumbar facet joint for one patient, signed one after the other (ADR 0038, HAZ-84). */
@SynoviaIntegrationTest
class ComparativeBlocksIntegrationTests {

    @Autowired org.springframework.context.ApplicationContext context;

    @Autowired Checklists checklists;
    @Autowired ProcedureRecords procedureRecords;
    @Autowired UserAccounts accounts;
    @Autowired Vetting vetting;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Autowired java.time.Clock clock;

    ProcedureFixtures fixtures;
    UserAccount radiologist;

    @BeforeEach
    void setUp() {
        radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        fixtures = ProcedureFixtures.of(context);
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private static ReferralDetails leftL45FacetBlock(UUID patientId) {
        ReferralDetails details = ReferralFixtures.kneeOnApixaban(patientId);
        details = RecordCopies.with(details, "siteCode", "FACET_LUMBAR");
        details = RecordCopies.with(details, "spinalLevel", "L4/5");
        details = RecordCopies.with(details, "intent", Intent.DIAGNOSTIC);
        details = RecordCopies.with(details, "antithrombotics", List.of());
        return RecordCopies.with(details, "previousInjections", List.of());
    }

    /** Refers the patient, accepts the referral, and books the first open CT slot. */
    private Appointment booked(UUID patientId) {
        return booked(leftL45FacetBlock(patientId));
    }

    private Appointment booked(ReferralDetails details) {
        return fixtures.booked(radiologist, details, BookingFixtures.ctCervicalFacet());
    }

    private static Set<String> everything(Checklist checklist, ChecklistStep step) {
        return checklist.checks(step).stream().map(ChecklistCheck::code).collect(Collectors.toSet());
    }

    /** Performs and signs one block with the given anaesthetic and timed NRS scores (before: 8). */
    private void signedBlock(Appointment appointment, String anaesthetic, int[][] scores) {
        fixtures.checkedInAndConsented(radiologist, fixtures.startingNow(appointment));
        Checklist checklist = checklists.checklist(appointment.id());
        ProcedureFixtures.unremarkableObservations(checklists, appointment.id(), java.time.LocalDateTime.now(clock));
        checklists.confirm(appointment.id(), ChecklistStep.SIGN_IN, everything(checklist, ChecklistStep.SIGN_IN));
        checklists.confirm(appointment.id(), ChecklistStep.TIME_OUT, everything(checklist, ChecklistStep.TIME_OUT));
        LocalDate expiry = LocalDate.now(clock).plusYears(1);
        procedureRecords.saveRecord(appointment.id(), new ProcedureRecord("Dr Example", null, Guidance.CT, "posterior oblique",
                "22G 90 mm spinal", null, null, null, List.of(new DrugGiven(anaesthetic, "0.5 mL", new BigDecimal("0.5"),
                        "LA1", expiry, "perineural", "left L4/5 medial branches")), true, true, 2, null, null, null,
                new BigDecimal("120"), new BigDecimal("8"), 8, "none", true, null, null, null, null));
        for (int[] score : scores) {
            procedureRecords.addPainScore(appointment.id(), score[0], score[1]);
        }
        checklists.confirm(appointment.id(), ChecklistStep.SIGN_OUT,
                everything(checklists.checklist(appointment.id()), ChecklistStep.SIGN_OUT));
        procedureRecords.sign(appointment.id());
    }

    /**
     * Frees "now" for the patient's next block. Moved beyond the booking search window into the future, never into
     * the past: the outcome read model takes a record's day when it is signed, and a signed visit moved into an
     * earlier period would count in other tests' source-table totals but not in the read model.
     */
    private void moveOutOfTheWay(Appointment appointment, int days) {
        BookingFixtures.startAt(jdbc, clock, appointment.id(), Duration.ofDays(days), Duration.ofMinutes(20));
    }

    @Test
    void readsTheSecondBlockOfTheSameLumbarFacetWithTheFirstOnItsPageAndInItsReport() throws Exception {
        UUID patientId = fixtures.registered(PatientFixtures.adult());

        Appointment first = booked(patientId);
        // Lidocaine: 88% relief that wears off after 60 minutes, within its 1–2 hours.
        signedBlock(first, "Lidocaine 2%", new int[][] {{15, 1}, {60, 1}, {120, 7}});
        moveOutOfTheWay(first, 400);
        mvc.perform(get("/day/{id}/record", first.id()).with(user(radiologist.username()).roles("RADIOLOGIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("comparative-blocks"))));

        Appointment second = booked(patientId);
        // Bupivacaine: 88% relief lasting 240 minutes, within its 4–8 hours.
        signedBlock(second, "Bupivacaine 0.5%", new int[][] {{15, 1}, {240, 1}, {360, 7}});

        mvc.perform(get("/day/{id}/record", second.id()).with(user(radiologist.username()).roles("RADIOLOGIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"comparative-blocks\"")))
                .andExpect(content().string(Matchers.containsString("lidocaine (expected 60–120 min, facts LA-01)")))
                .andExpect(content().string(Matchers.containsString("bupivacaine (expected 240–480 min, facts LA-02)")))
                .andExpect(content().string(Matchers.containsString("positive dual comparative block (SIS/CMS criterion, DX-02)")))
                .andExpect(content().string(Matchers.containsString("≥ 50% on both blocks (consensus; facts DX-01): met")));
        String report = jdbc.sql("select report_text from procedure_report where appointment_id = ? and version = 1")
                .param(second.id()).query(String.class).single();
        assertThat(report).contains("Comparative blocks:").contains("88% relief")
                .contains("positive dual comparative block (SIS/CMS criterion, DX-02)");
        byte[] pdf = jdbc.sql("select pdf from procedure_report where appointment_id = ? and version = 1")
                .param(second.id()).query(byte[].class).single();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Comparative blocks").contains("positive dual comparative block");
        }

        // The other side's joint is another target: its block is not paired with either.
        moveOutOfTheWay(second, 401);
        Appointment right = booked(RecordCopies.with(leftL45FacetBlock(patientId), "laterality",
                org.synovia.shared.Laterality.RIGHT));
        signedBlock(right, "Bupivacaine 0.5%", new int[][] {{15, 1}, {240, 1}, {360, 7}});
        mvc.perform(get("/day/{id}/record", right.id()).with(user(radiologist.username()).roles("RADIOLOGIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("comparative-blocks"))));
    }
}
