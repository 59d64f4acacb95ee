package org.synovia.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;

/** The audit trail read a page at a time, filtered, with people named, and exported as CSV (#17, ADR 0086). */
@SynoviaIntegrationTest
class AuditTrailPagesIntegrationTests {

    @Autowired AuditTrail audit;
    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void pagesByKeysetWithoutLosingOrRepeatingALineEvenWhenLinesShareAnInstant() {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        AccountFixtures.signIn(clerk);
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < 4; i++) {
                audit.record(AuditAction.READ, "Test", i, null, "line " + i);
            }
            // Three lines of one statement share their instant: only the id orders them.
            audit.recordAll(List.of(new AuditEntry(AuditAction.READ, "Test", 4, null, "line 4"),
                    new AuditEntry(AuditAction.READ, "Test", 5, null, "line 5"),
                    new AuditEntry(AuditAction.READ, "Test", 6, null, "line 6")));
        });
        AuditQuery query = new AuditQuery(clerk.username(), null, "Test", null, null, null, 3);

        List<String> seen = new ArrayList<>();
        AuditCursor after = null;
        int pages = 0;
        do {
            AuditPage page = audit.page(query, after);
            page.events().forEach(e -> seen.add(e.details()));
            after = page.next();
            pages++;
        } while (after != null);

        assertThat(seen).containsExactly("line 6", "line 5", "line 4", "line 3", "line 2", "line 1", "line 0");
        assertThat(pages).isEqualTo(3);
        assertThat(AuditCursor.parse(AuditCursor.after(audit.page(query, null).events().getLast()).toString()))
                .isEqualTo(AuditCursor.after(audit.page(query, null).events().getLast()));
    }

    /**
     * Each action's page by keyset, whether its lines are in the index of the rare actions (EXPORT, UPDATE, a refused
     * sign-in) or read along the trail's own keyset index (LIST, READ: V147, ADR 0117): every line of the action,
     * newest first, none of another action, none lost or repeated across pages.
     */
    @Test
    void pagesEachActionByKeysetWhetherItsIndexHoldsItOrNot() {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        AccountFixtures.signIn(clerk);
        String type = "ActionTest" + UUID.randomUUID().toString().substring(0, 8);
        List<AuditAction> actions = List.of(AuditAction.LIST, AuditAction.READ, AuditAction.EXPORT, AuditAction.UPDATE,
                AuditAction.SIGN_IN_REFUSED);
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < 20; i++) {
                audit.record(actions.get(i % actions.size()), type, i, null, "line " + i);
            }
        });

        for (AuditAction action : actions) {
            AuditQuery query = new AuditQuery(null, null, type, action, null, null, 2);
            List<String> seen = new ArrayList<>();
            AuditCursor after = null;
            do {
                AuditPage page = audit.page(query, after);
                page.events().forEach(e -> {
                    assertThat(e.action()).isEqualTo(action);
                    seen.add(e.details());
                });
                after = page.next();
            } while (after != null);
            int first = actions.indexOf(action);
            assertThat(seen).as(action.name()).containsExactly("line " + (first + 15), "line " + (first + 10),
                    "line " + (first + 5), "line " + first);
        }
    }

    @Test
    void filtersByNhsNumberAndShowsStaffByFullNameAndPatientsByNhsNumber() throws Exception {
        UserAccount admin = AccountFixtures.create(accounts, Role.ADMIN);
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        AccountFixtures.signIn(clerk);
        var patient = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient();
        AccountFixtures.signOut();
        String nhs = patient.nhsNumber().formatted();

        mvc.perform(get("/admin/audit").param("nhs", nhs).with(user(admin.username()).roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(clerk.displayName() + " (" + clerk.username() + ")")))
                .andExpect(content().string(Matchers.containsString(">" + nhs + "</a>")));
        mvc.perform(get("/admin/audit").param("nhs", "943 476 5918").with(user(admin.username()).roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("check digit is wrong")));
        mvc.perform(get("/admin/audit").param("after", "yesterday").with(user(admin.username()).roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("start again from the first page")));
    }

    @Test
    void exportsTheFilteredLinesAsCsvAndAuditsTheExport() throws Exception {
        UserAccount admin = AccountFixtures.create(accounts, Role.ADMIN);
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UUID patient = UUID.randomUUID();
        AccountFixtures.signIn(clerk);
        transactions.executeWithoutResult(status -> {
            audit.record(AuditAction.READ, "Test", 1, patient, "=HYPERLINK(\"http://example.invalid\")");
            audit.record(AuditAction.UPDATE, "Test", 2, patient, "said \"hello\", twice");
        });
        AccountFixtures.signOut();

        String csv = mvc.perform(get("/admin/audit/export.csv").param("user", clerk.username()).param("type", "Test")
                        .with(user(admin.username()).roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.containsString("audit-trail.csv")))
                .andReturn().getResponse().getContentAsString();

        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.getFirst()).startsWith("\"When\",\"Username\",\"Name\"");
        assertThat(lines.get(1)).contains("\"" + clerk.displayName() + "\"").contains("\"UPDATE\"")
                .contains("\"said \"\"hello\"\", twice\"");
        assertThat(lines.get(2)).as("a formula is not run by a spreadsheet").contains("\"'=HYPERLINK(\"\"http://example.invalid\"\")\"");
        assertThat(jdbc.sql("select details from audit_event where username = ? and action = 'EXPORT' and record_type = 'AuditTrail'")
                .param(admin.username()).query(String.class).single())
                .isEqualTo("audit trail exported as CSV: 2 events, user " + clerk.username() + ", record type Test");
    }

    /**
     * Each filter's page is read along an index in the trail's order from the cursor, never sorted: the cost of a page
     * does not grow with how far back it is. (Which of the keyset indexes the planner takes depends on the table's
     * statistics.)
     */
    @Test
    void readsAFilteredPageAlongAnIndexFromTheCursorWithoutSorting() {
        for (String filter : List.of("true", "username = 'someone'", "patient_id = '00000000-0000-4000-8000-000000000000'", "action = 'EXPORT'",
                "action = 'SIGN_IN_REFUSED'", "action = 'LIST'", "action = 'READ'")) {
            String plan = transactions.execute(status -> {
                // Priced out, so that the plan shows whether an index can serve the filter in the page's order at all,
                // whatever the few rows of a test database would make cheapest.
                jdbc.sql("set local enable_seqscan = off").update();
                jdbc.sql("set local enable_bitmapscan = off").update();
                jdbc.sql("set local enable_sort = off").update();
                return String.join("\n", jdbc.sql("explain select * from audit_event where " + filter
                        + " and (occurred_at, id) < (now(), 1000) order by occurred_at desc, id desc limit 101")
                        .query(String.class).list());
            });
            assertThat(plan).as(filter).containsPattern("Index Scan using audit_event_\\w*keyset").doesNotContain("Sort");
        }
    }
}
