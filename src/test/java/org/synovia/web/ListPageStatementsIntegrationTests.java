package org.synovia.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.BookingFixtures;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.Slot;
import org.synovia.scheduling.SlotQuery;
import org.synovia.shared.Guidance;
import org.synovia.testing.ListPages;
import org.synovia.testing.RecordCopies;
import org.synovia.testing.StatementCounter;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;

/**
 * Each list page runs a fixed number of SQL statements: rendered with N rows and again with 3N, it must run
 * exactly as many. A page that reads something per row (an N+1) fails here. The database is shared with every
 * other integration test, so each page is narrowed to this test's rows where it can be, and each render checks
 * that this test's rows are on it (otherwise the comparison would prove nothing).
 */
@SynoviaIntegrationTest
class ListPageStatementsIntegrationTests {

    private static final int N = 3;
    /** Tables that grow with every referral, patient, booking or page view; small reference tables may be scanned. */
    private static final java.util.regex.Pattern GROWING_TABLE_SCAN = java.util.regex.Pattern.compile(
            "Seq Scan on (referral\\w*|patient|appointment\\w*|slot|audit_event|waiting_list_entry|vetting_decision"
                    + "|safety_override|procedure_\\w+|urgent_pathway|performed_step|day_safety_\\w+)\\b");

    @Autowired MockMvc mvc;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired WaitingList waitingList;
    @Autowired Sessions sessions;
    @Autowired BookingDesk desk;
    @Autowired org.springframework.context.ApplicationContext context;

    UserAccount referrer;
    UserAccount radiologist;
    UserAccount clerk;
    UserAccount nurse;

    /** What one render of a page cost: the SQL it ran, in order, and what it showed. */
    record Render(List<String> sql, String html) {

        long statements() {
            return sql.size();
        }
    }

    @BeforeEach
    void staff() {
        referrer = AccountFixtures.create(accounts, Role.REFERRER);
        radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        clerk = AccountFixtures.create(accounts, Role.BOOKING);
        nurse = AccountFixtures.create(accounts, Role.NURSE);
    }

    /** Every plan asked for, for docs/performance.md; written whether or not the tests pass. */
    private static final StringBuilder PLANS = new StringBuilder();

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @org.junit.jupiter.api.AfterAll
    static void writePlans() throws java.io.IOException {
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "list-page-query-plans.md"), PLANS);
    }

    @Test
    void listsReferralsAndTheVettingQueueInAFixedNumberOfStatements() throws Exception {
        List<UUID> ids = new ArrayList<>(submit(N));
        Render referralsAtN = render(get("/referrals"), referrer, "REFERRER");
        Render queueAtN = render(get("/vetting"), radiologist, "RADIOLOGIST");
        ids.addAll(submit(2 * N));
        Render referralsAt3N = render(get("/referrals"), referrer, "REFERRER");
        Render queueAt3N = render(get("/vetting"), radiologist, "RADIOLOGIST");

        ids.forEach(id -> assertThat(referralsAt3N.html()).contains("/referrals/" + id));
        ids.forEach(id -> assertThat(queueAt3N.html()).contains("/vetting/" + id));
        assertThat(referralsAt3N.statements()).as("referral list").isEqualTo(referralsAtN.statements());
        assertThat(queueAt3N.statements()).as("vetting queue").isEqualTo(queueAtN.statements());
        ids.forEach(id -> assertThat(jdbc.sql("""
                select count(*) from audit_event a join referral r on r.patient_id = a.patient_id and r.id = ?
                where a.action = 'LIST' and a.record_type = 'Referral' and a.username = ?
                  and a.details like 'vetting queue;%' and a.details like '%' || ? || '%'""")
                .params(id, radiologist.username(), id.toString()).query(Long.class).single())
                .as("a line for the patient of each referral on the vetting queue").isPositive());
        assertIndexed(referralsAt3N, queueAt3N, render(get("/referrals"), radiologist, "RADIOLOGIST"),
                render(get("/referrals").param("status", "SUBMITTED").param("site", "KNEE_JOINT"), radiologist, "RADIOLOGIST"));
    }

    @Test
    void listsPatientsFoundAndTheAuditTrailInAFixedNumberOfStatements() throws Exception {
        String family = PatientFixtures.uniqueFamilyName();
        register(family, N);
        Render patientsAtN = render(get("/patients").param("q", family), clerk, "BOOKING");
        Render auditAtN = render(get("/admin/audit").param("user", clerk.username()), clerk, "ADMIN");
        register(family, 2 * N);
        Render patientsAt3N = render(get("/patients").param("q", family), clerk, "BOOKING");
        Render auditAt3N = render(get("/admin/audit").param("user", clerk.username()), clerk, "ADMIN");

        assertThat(java.util.regex.Pattern.compile("href=\"/patients/[0-9a-f-]{36}\"").matcher(patientsAt3N.html()).results().count())
                .isEqualTo(3 * N);
        assertThat(rows(auditAt3N, "<tr")).isGreaterThan(rows(auditAtN, "<tr"));
        assertThat(patientsAt3N.statements()).as("patient search").isEqualTo(patientsAtN.statements());
        assertThat(auditAt3N.statements()).as("audit trail").isEqualTo(auditAtN.statements());
        assertIndexed(patientsAt3N, auditAt3N, render(get("/admin/audit"), clerk, "ADMIN"));
    }

    @Test
    void listsTheWaitingListAppointmentsAndTheDayInAFixedNumberOfStatements() throws Exception {
        List<UUID> rooms = clinicEveryWeekday();
        List<UUID> waiting = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            waiting.add(waiting());
        }
        Render waitingAtN = render(get("/waiting-list").param("site", "KNEE_JOINT"), clerk, "BOOKING");
        for (int i = 0; i < 2 * N; i++) {
            waiting.add(waiting());
        }
        Render waitingAt3N = render(get("/waiting-list").param("site", "KNEE_JOINT"), clerk, "BOOKING");
        AccountFixtures.signOut();
        String everyWaitingPage = ListPages.all(mvc, get("/waiting-list").param("site", "KNEE_JOINT"),
                user(clerk.username()).roles("BOOKING"));
        waiting.forEach(id -> assertThat(everyWaitingPage).contains(id.toString()));
        assertThat(waitingAt3N.statements()).as("waiting list").isEqualTo(waitingAtN.statements());

        List<Slot> slots = oneSessionOpenFor(waiting, rooms);
        LocalDate day = LocalDate.ofInstant(slots.getFirst().start(), clock.getZone());
        MockHttpServletRequestBuilder appointmentsOfTheDay = get("/appointments").param("from", day.toString())
                .param("to", day.toString());
        MockHttpServletRequestBuilder dayList = get("/day").param("date", day.toString());
        List<Appointment> booked = new ArrayList<>();
        AccountFixtures.signIn(clerk);
        for (int i = 0; i < N; i++) {
            booked.add(desk.book(waiting.get(i), slots.get(i).id()));
        }
        Render appointmentsAtN = render(appointmentsOfTheDay, clerk, "BOOKING");
        Render dayAtN = render(dayList, nurse, "NURSE");
        AccountFixtures.signIn(clerk);
        for (int i = N; i < 3 * N; i++) {
            booked.add(desk.book(waiting.get(i), slots.get(i).id()));
        }
        Render appointmentsAt3N = render(appointmentsOfTheDay, clerk, "BOOKING");
        Render dayAt3N = render(dayList, nurse, "NURSE");

        AccountFixtures.signOut();
        String everyAppointmentsPage = ListPages.all(mvc, appointmentsOfTheDay,
                user(clerk.username()).roles("BOOKING"));
        booked.forEach(a -> assertThat(everyAppointmentsPage).contains("/appointments/" + a.id()));
        booked.forEach(a -> assertThat(dayAt3N.html()).contains("/day/" + a.id()));
        assertThat(appointmentsAt3N.statements()).as("appointments").isEqualTo(appointmentsAtN.statements());
        assertThat(dayAt3N.statements()).as("day list").isEqualTo(dayAtN.statements());
        assertIndexed(waitingAt3N, appointmentsAt3N, dayAt3N, render(get("/waiting-list"), clerk, "BOOKING"));

        // The day list's reads and their audit lines commit in one transaction: one durable commit per page (ADR 0091).
        long newest = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
        AccountFixtures.signOut();
        mvc.perform(dayList.with(user(nurse.username()).roles("NURSE"))).andExpect(status().isOk());
        // One line per patient on the list, naming their appointment, not one per façade that read them (issue 16). Other
        // test classes share the database and may have booked on the same day, so their patients may be on the list too.
        assertThat(jdbc.sql("select patient_id from audit_event where id > ? and username = ?").params(newest, nurse.username())
                .query(UUID.class).list()).as("patients in the audit lines of one day list")
                .doesNotHaveDuplicates().containsAll(booked.stream().map(Appointment::patientId).toList());
        assertThat(jdbc.sql("select count(distinct xmin::text) from audit_event where id > ? and username = ?")
                .params(newest, nurse.username()).query(Long.class).single()).as("transactions of one day list").isEqualTo(1);
    }

    /** Renders the page twice as this user and counts the second time (the first fills caches and warms up). */
    private Render render(MockHttpServletRequestBuilder request, UserAccount as, String role) throws Exception {
        AccountFixtures.signOut();
        mvc.perform(request.with(user(as.username()).roles(role))).andExpect(status().isOk());
        MvcResult[] result = new MvcResult[1];
        List<String> sql = StatementCounter.record(
                () -> result[0] = mvc.perform(request.with(user(as.username()).roles(role))).andExpect(status().isOk()).andReturn());
        return new Render(sql, result[0].getResponse().getContentAsString());
    }

    /**
     * Asks PostgreSQL for the generic plan of every query the renders ran with sequential scans priced out: a
     * "Seq Scan" that remains on a table that grows with the service means no index can serve that filter or sort.
     * A connection of its own in the simple query protocol, so that EXPLAIN sees the {@code $n} parameters itself.
     */
    private void assertIndexed(Render... renders) throws Exception {
        // The application's own login (ADR 0048), in the simple query protocol.
        var source = (org.springframework.jdbc.datasource.DriverManagerDataSource) org.synovia.database.EmbeddedDatabaseLogins
                .as(context, org.synovia.database.EmbeddedDatabaseLogins.APPLICATION);
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("preferQueryMode", "simple");
        source.setConnectionProperties(properties);
        try (java.sql.Connection connection = source.getConnection();
                java.sql.Statement explain = connection.createStatement()) {
            explain.execute("set enable_seqscan = off");
            for (Render render : renders) {
                for (String sql : render.sql()) {
                    String query = sql.strip();
                    if (!query.regionMatches(true, 0, "select", 0, 6)) {
                        continue; // the audit row each page writes
                    }
                    StringBuilder plan = new StringBuilder();
                    try (java.sql.ResultSet rows = explain.executeQuery("explain (generic_plan) " + numbered(query))) {
                        while (rows.next()) {
                            plan.append(rows.getString(1)).append('\n');
                        }
                    }
                    PLANS.append("```\n").append(query).append("\n\n").append(plan).append("```\n\n");
                    assertThat(GROWING_TABLE_SCAN.matcher(plan).find()).as("plan of %s%n%s", query, plan).isFalse();
                }
            }
        }
    }

    /** JDBC's {@code ?} placeholders as PostgreSQL's {@code $1, $2 …}, which EXPLAIN (GENERIC_PLAN) takes. */
    private static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            out.append(c == '?' ? "$" + ++n : String.valueOf(c));
        }
        return out.toString();
    }

    private static long rows(Render render, String marker) {
        return render.html().split(java.util.regex.Pattern.quote(marker), -1).length - 1;
    }

    private List<UUID> submit(int count) {
        AccountFixtures.signIn(referrer);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID patientId = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient().id().value();
            ids.add(referrals.submit(UUID.randomUUID(), ReferralFixtures.kneeOnApixaban(patientId)).id().value());
        }
        return ids;
    }

    private void register(String family, int count) {
        AccountFixtures.signIn(clerk);
        for (int i = 0; i < count; i++) {
            patients.register(RecordCopies.with(PatientFixtures.adult(), "familyName", family), true);
        }
    }

    private UUID waiting() {
        return BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist, ReferralFixtures::kneeOnApixaban,
                BookingFixtures.ultrasoundKnee());
    }

    /** A morning ultrasound session every weekday, each in its own room; returns the rooms. */
    private List<UUID> clinicEveryWeekday() {
        AccountFixtures.signIn(clerk);
        List<UUID> rooms = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            rooms.add(SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, day, LocalTime.of(8, 0),
                    LocalTime.of(12, 0), List.of(BookingFixtures.ultrasoundKnee().slotMinutes())).room().id());
        }
        return rooms;
    }

    /** Open slots of one session in this test's rooms, on or after the day every waiting patient may be booked. */
    private List<Slot> oneSessionOpenFor(List<UUID> referralIds, List<UUID> rooms) {
        AccountFixtures.signIn(clerk);
        LocalDate today = LocalDate.now(clock);
        LocalDate earliest = referralIds.stream().map(id -> waitingList.entry(id).orElseThrow().earliestDate())
                .filter(java.util.Objects::nonNull).max(Comparator.naturalOrder()).filter(d -> d.isAfter(today)).orElse(today);
        Map<String, List<Slot>> bySession = sessions.openSlots(new SlotQuery(Guidance.ULTRASOUND, "KNEE_JOINT", null, null,
                        BookingFixtures.ultrasoundKnee().slotMinutes(), earliest.plusDays(1), today.plusWeeks(8), null, null))
                .stream().filter(s -> rooms.contains(s.roomId()))
                .collect(Collectors.groupingBy(s -> s.roomId() + "/" + LocalDate.ofInstant(s.start(), clock.getZone()),
                        java.util.LinkedHashMap::new, Collectors.toList()));
        return bySession.values().stream().filter(s -> s.size() >= 3 * N).findFirst().orElseThrow();
    }
}
