package org.synovia.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.testing.GenericPlans;
import org.synovia.testing.StatementCounter;

/**
 * The list pages' own statements are planned once per connection, not on every view (ADR 0120): the waiting list,
 * the appointments list and the day list read their page, and only their page, under a generic plan, which must
 * still be served by indexes; the referral list writes its status, urgency and intent into the SQL, so that its plan can be kept
 * without losing the index that depends on them.
 */
@SynoviaIntegrationTest
class ListPagePlansIntegrationTests {

    private static final Pattern GENERIC = Pattern.compile("(?i)^set local plan_cache_mode = force_generic_plan$");
    private static final Pattern GROWING_TABLE_SCAN = Pattern.compile(
            "Seq Scan on (referral\\w*|patient|appointment\\w*|slot|waiting_list_entry|vetting_decision)\\b");

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void readsEachPagedListUnderAGenericPlanServedByIndexes() throws Exception {
        assertPagedUnderGenericPlan(get("/waiting-list"), "BOOKING", "from waiting_list_entry w");
        assertPagedUnderGenericPlan(get("/appointments"), "BOOKING", "from appointment a where a.status = 'BOOKED'");
        assertPagedUnderGenericPlan(get("/day"), "NURSE", "from appointment a where a.status in");
    }

    @Test
    void writesTheReferralListsEnumFiltersIntoItsSql() throws Exception {
        List<String> sql = StatementCounter.record(() -> mvc.perform(get("/referrals").param("status", "SUBMITTED")
                .param("urgency", "URGENT").param("intent", "DIAGNOSTIC").with(user("rad").roles("RADIOLOGIST")))
                .andExpect(status().isOk()));
        String list = sql.stream().filter(s -> s.contains("from referral r join patient p")).findFirst().orElseThrow();
        assertThat(list).contains("r.status = 'SUBMITTED'", "r.urgency = 'URGENT'", "r.intent = 'DIAGNOSTIC'")
                .doesNotContain("?");
        assertThat(GenericPlans.of(context, list)).contains("referral_status").doesNotContainPattern(GROWING_TABLE_SCAN);
    }

    private void assertPagedUnderGenericPlan(MockHttpServletRequestBuilder page, String role, String pageStatement)
            throws Exception {
        List<String> sql = StatementCounter.record(() -> mvc.perform(page.with(user("someone").roles(role)))
                .andExpect(status().isOk())).stream().map(String::strip).toList();
        int generic = indexOf(sql, GENERIC);
        int read = -1;
        for (int i = 0; i < sql.size(); i++) {
            if (sql.get(i).contains(pageStatement)) {
                read = i;
                break;
            }
        }
        assertThat(generic).as("generic plans asked for in %s", sql).isNotNegative();
        assertThat(read).as("the page's statement in %s", sql).isEqualTo(generic + 1);
        // Put back at once: a later statement of the page, planned for any values, could lose the index they choose.
        assertThat(sql.get(read + 1)).isEqualToIgnoringCase("set local plan_cache_mode = default");
        assertThat(GenericPlans.of(context, sql.get(read))).doesNotContainPattern(GROWING_TABLE_SCAN);
    }

    private static int indexOf(List<String> sql, Pattern pattern) {
        for (int i = 0; i < sql.size(); i++) {
            if (pattern.matcher(sql.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }
}
