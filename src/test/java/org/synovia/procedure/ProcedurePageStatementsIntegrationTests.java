package org.synovia.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.referral.ReferralFixtures;
import org.synovia.shared.Guidance;
import org.synovia.testing.StatementCounter;

/**
 * The visit page and the record page each read the appointment, referral and patient once and run a fixed number of
 * SQL statements however many discrepancies, observations, pain scores, addenda and report versions the visit has,
 * and each view writes one audit line for its patient naming what it read (issue 16). Each page is rendered with
 * one of each and again with three, and must cost exactly as many statements and audit lines.
 */
@SynoviaIntegrationTest
class ProcedurePageStatementsIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired UserAccounts accounts;
    @Autowired Checklists checklists;
    @Autowired ProcedureRecords procedureRecords;
    @Autowired ApplicationContext context;

    UserAccount radiologist;
    UserAccount nurse;
    ProcedureFixtures fixtures;

    /** What one view of a page cost, and the audit lines its user wrote (for its patient, and in all). */
    record View(List<String> sql, long linesForPatient, long lines, List<String> recordTypes, String html) {

        long statements() {
            return sql.size();
        }
    }

    @BeforeEach
    void staff() {
        radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        nurse = AccountFixtures.create(accounts, Role.NURSE);
        fixtures = ProcedureFixtures.of(context);
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void viewsTheVisitPageInAFixedNumberOfStatementsWithOneAuditLine() throws Exception {
        Appointment booked = fixtures.startingNow(fixtures.booked(radiologist, ReferralFixtures::kneeOnApixaban,
                org.synovia.booking.BookingFixtures.ultrasoundKnee()));
        View beforeCheckIn = view("/day/" + booked.id(), nurse, "NURSE", booked);
        Appointment appointment = fixtures.checkedInAndConsented(nurse, booked);
        checklists.raiseDiscrepancy(appointment.id(), "Wristband spelled differently");
        resolveOpen(appointment);
        ProcedureFixtures.unremarkableObservations(checklists, appointment.id(), LocalDateTime.now(clock));
        View once = view("/day/" + appointment.id(), nurse, "NURSE", appointment);

        AccountFixtures.signIn(nurse);
        for (int i = 0; i < 2; i++) {
            checklists.raiseDiscrepancy(appointment.id(), "Second look " + i);
            resolveOpen(appointment);
            ProcedureFixtures.unremarkableObservations(checklists, appointment.id(), LocalDateTime.now(clock));
        }
        View thrice = view("/day/" + appointment.id(), nurse, "NURSE", appointment);

        System.out.printf("visit page: booked %d statements %d lines; checked in %d statements %d lines (%s)%n",
                beforeCheckIn.statements(), beforeCheckIn.lines(), once.statements(), once.lines(), once.recordTypes());
        assertThat(thrice.html()).contains("Second look 1").contains("Wristband spelled differently");
        assertThat(thrice.statements()).as("visit page with three discrepancies").isEqualTo(once.statements());
        assertReadOnce(beforeCheckIn, once, thrice);
        assertThat(List.of(beforeCheckIn, once, thrice)).allSatisfy(v -> {
            assertThat(v.linesForPatient()).as("audit lines for the patient").isEqualTo(1);
            assertThat(v.lines()).as("audit lines in all").isEqualTo(1);
        });
    }

    @Test
    void viewsTheRecordPageInAFixedNumberOfStatementsWithOneAuditLine() throws Exception {
        Appointment appointment = readyToRecord();
        View empty = view("/day/" + appointment.id() + "/record", radiologist, "RADIOLOGIST", appointment);
        AccountFixtures.signIn(radiologist);
        procedureRecords.saveRecord(appointment.id(), ProcedureRecordTests.record(Guidance.ULTRASOUND, LocalDate.now(clock),
                null, null));
        procedureRecords.addPainScore(appointment.id(), 15, 3);
        checklists.confirm(appointment.id(), ChecklistStep.SIGN_OUT, fixtures.everything(appointment.id(), ChecklistStep.SIGN_OUT));
        procedureRecords.sign(appointment.id());
        procedureRecords.addAddendum(appointment.id(), "First addendum", "Seen on review");
        View once = view("/day/" + appointment.id() + "/record", radiologist, "RADIOLOGIST", appointment);

        AccountFixtures.signIn(radiologist);
        procedureRecords.addPainScore(appointment.id(), 30, 2);
        procedureRecords.addPainScore(appointment.id(), 60, 1);
        procedureRecords.addAddendum(appointment.id(), "Second addendum", "Seen on review");
        procedureRecords.addAddendum(appointment.id(), "Third addendum", "Seen on review");
        View thrice = view("/day/" + appointment.id() + "/record", radiologist, "RADIOLOGIST", appointment);
        View pdf = view("/day/" + appointment.id() + "/report.pdf", radiologist, "RADIOLOGIST", appointment);
        View leaflet = view("/day/" + appointment.id() + "/aftercare.pdf", radiologist, "RADIOLOGIST", appointment);

        System.out.printf("record page: empty %d statements %d lines (%s); signed %d statements %d lines (%s); report.pdf %d "
                + "statements %d lines; aftercare.pdf %d statements %d lines%n", empty.statements(), empty.lines(), empty.recordTypes(),
                once.statements(), once.lines(), once.recordTypes(), pdf.statements(), pdf.lines(), leaflet.statements(),
                leaflet.lines());
        assertThat(thrice.html()).contains("Third addendum").contains("First addendum");
        assertThat(thrice.statements()).as("record page with three addenda and scores").isEqualTo(once.statements());
        assertReadOnce(empty, once, thrice);
        assertThat(List.of(empty, once, thrice, pdf, leaflet)).allSatisfy(v -> {
            assertThat(v.linesForPatient()).as("audit lines for the patient").isEqualTo(1);
            assertThat(v.lines()).as("audit lines in all").isEqualTo(1);
        });
    }

    /** What every procedure-day page reads first, each read once per view and the audit lines stored in one insert. */
    private static final Map<String, Pattern> READ_ONCE = Map.of(
            "appointment", Pattern.compile("\\bfrom appointment where id\\b"),
            "referral", Pattern.compile("^select referral\\.\\*"),
            "patient", Pattern.compile("\\bfrom patient where\\b"),
            "accepted protocol", Pattern.compile("\\bfrom vetting_decision where\\b"),
            "urgent pathway", Pattern.compile("\\bfrom urgent_pathway where\\b"),
            "audit lines", Pattern.compile("^insert into audit_event\\b"));

    private static void assertReadOnce(View... views) {
        for (View view : views) {
            READ_ONCE.forEach((what, sql) -> assertThat(view.sql().stream().filter(s -> sql.matcher(s.strip()).find()))
                    .as(what + " in " + view.sql()).hasSize(1));
        }
    }

    /** Checked in, consented, observed, signed in and timed out by the radiologist, who stays signed in. */
    private Appointment readyToRecord() {
        Appointment appointment = fixtures.consentedKnee(radiologist, radiologist, ReferralFixtures::kneeOnApixaban);
        ProcedureFixtures.unremarkableObservations(checklists, appointment.id(), LocalDateTime.now(clock));
        checklists.confirm(appointment.id(), ChecklistStep.SIGN_IN, fixtures.everything(appointment.id(), ChecklistStep.SIGN_IN));
        checklists.confirm(appointment.id(), ChecklistStep.TIME_OUT, fixtures.everything(appointment.id(), ChecklistStep.TIME_OUT));
        return appointment;
    }

    private void resolveOpen(Appointment appointment) {
        UUID open = checklists.checklist(appointment.id()).discrepancies().stream().filter(d -> d.resolvedAt() == null)
                .findFirst().orElseThrow().id();
        checklists.resolveDiscrepancy(appointment.id(), open, "Checked against the referral: same patient");
    }

    /** Views the page twice as {@code as} (the first warms caches) and measures the second. */
    private View view(String path, UserAccount as, String role, Appointment appointment) throws Exception {
        AccountFixtures.signOut();
        mvc.perform(get(path).with(user(as.username()).roles(role))).andExpect(status().isOk());
        long forPatient = linesFor(appointment.patientId(), as);
        long all = lines(as);
        long latest = latestLine();
        MvcResult[] result = new MvcResult[1];
        List<String> sql = StatementCounter.record(() -> result[0] = mvc.perform(get(path).with(user(as.username()).roles(role)))
                .andExpect(status().isOk()).andReturn());
        List<String> types = jdbc.sql("select record_type from audit_event where id > ? and username = ? order by id").params(latest, as.username())
                .query(String.class).list();
        return new View(sql, linesFor(appointment.patientId(), as) - forPatient, lines(as) - all, types,
                result[0].getResponse().getContentAsString());
    }

    /** The user's lines for the patient: work the system does after signing (the diary, the HL7 result) is not the view's. */
    private long linesFor(UUID patientId, UserAccount as) {
        return jdbc.sql("select count(*) from audit_event where patient_id = ? and username = ?").params(patientId, as.username())
                .query(Long.class).single();
    }

    private long lines(UserAccount as) {
        return jdbc.sql("select count(*) from audit_event where username = ?").param(as.username()).query(Long.class).single();
    }

    private long latestLine() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
    }
}
