package org.synovia.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccounts;
import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;

/** The price list: the administrator sets a price, a new one supersedes it, every earlier one is kept. */
@SynoviaIntegrationTest
class ProcedurePricesIntegrationTests {

    @Autowired ProcedurePrices prices;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void keepsEveryPriceAndServesTheLatest() {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.ADMIN));
        prices.set("SUBACROMIAL_BURSA", Guidance.ULTRASOUND, "150", "launch price");
        prices.set("SUBACROMIAL_BURSA", Guidance.ULTRASOUND, "£165.50", null);

        assertThat(prices.priceOf("SUBACROMIAL_BURSA", Guidance.ULTRASOUND)).get()
                .extracting(p -> p.price().formatted()).isEqualTo("£165.50");
        assertThat(prices.current()).filteredOn(p -> p.siteCode().equals("SUBACROMIAL_BURSA")).hasSize(1);
        assertThat(prices.history()).filteredOn(p -> p.siteCode().equals("SUBACROMIAL_BURSA"))
                .extracting(p -> p.price().pence()).containsSubsequence(16550L, 15000L);
        assertThatThrownBy(() -> jdbc.sql("update procedure_price set pence = 1 where site_code = 'SUBACROMIAL_BURSA'")
                .update()).rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void refusesABadPriceAGuidanceTheSiteIsNotInjectedUnderAndAnyoneButTheAdministrator() {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.BOOKING));
        assertThatThrownBy(() -> prices.set("KNEE_JOINT", Guidance.ULTRASOUND, "100", null))
                .isInstanceOf(AccessDeniedException.class);
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.ADMIN));
        assertThatThrownBy(() -> prices.set("KNEE_JOINT", Guidance.ULTRASOUND, "12.345", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("two figures of pence");
        assertThatThrownBy(() -> prices.set("NO_SUCH_SITE", Guidance.ULTRASOUND, "100", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Choose a site");
    }

    @Test
    void showsThePageToBookingStaffAndTakesAPriceFromTheAdministratorsForm() throws Exception {
        var admin = AccountFixtures.create(accounts, Role.ADMIN);
        mvc.perform(post("/admin/prices").with(user(admin.username()).roles("ADMIN")).with(csrf())
                        .param("siteCode", "TROCHANTERIC_BURSA").param("guidance", "ULTRASOUND").param("price", "abc"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "Give the price in pounds, for example 180.00."));
        mvc.perform(post("/admin/prices").with(user(admin.username()).roles("ADMIN")).with(csrf())
                        .param("siteCode", "TROCHANTERIC_BURSA").param("guidance", "ULTRASOUND").param("price", "210"))
                .andExpect(flash().attribute("notice", "Price saved; the earlier price stays in the history."));
        var clerk = AccountFixtures.create(accounts, Role.BOOKING);
        mvc.perform(get("/admin/prices").with(user(clerk.username()).roles("BOOKING")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("£210.00")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Save price"))));
        mvc.perform(post("/admin/prices").with(user(clerk.username()).roles("BOOKING")).with(csrf())
                        .param("siteCode", "TROCHANTERIC_BURSA").param("guidance", "ULTRASOUND").param("price", "1"))
                .andExpect(status().isForbidden());
    }
}
