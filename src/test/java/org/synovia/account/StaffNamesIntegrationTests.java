package org.synovia.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.SynoviaIntegrationTest;

/** Staff names held in memory are never older than the version in the database, nor newer than what was committed. */
@SynoviaIntegrationTest
class StaffNamesIntegrationTests {

    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void keepsNoNameReadByATransactionThatWasRolledBack() {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.ADMIN));
        String[] ghost = new String[1];
        transactions.executeWithoutResult(status -> {
            ghost[0] = AccountFixtures.create(accounts, Role.NURSE).username();
            assertThat(accounts.staffNames().of(ghost[0])).as("the transaction sees its own account").isEqualTo("Test Nurse");
            status.setRollbackOnly();
        });

        assertThat(accounts.staffNames().of(ghost[0])).as("an account that was never committed").isEqualTo(ghost[0]);
    }

    @Test
    void raisesTheVersionWithEveryChangeToANameOrAnAccount() {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.ADMIN));
        long before = version();
        UserAccount nurse = AccountFixtures.create(accounts, Role.NURSE);
        long created = version();
        jdbc.sql("update user_account set display_name = 'Nurse Renamed' where username = ?").param(nurse.username()).update();
        long renamed = version();
        jdbc.sql("update user_account set email = 'renamed@example.com' where username = ?").param(nurse.username()).update();

        assertThat(created).isGreaterThan(before);
        assertThat(renamed).isGreaterThan(created);
        assertThat(version()).as("a change that alters no name").isEqualTo(renamed);
        assertThat(accounts.staffNames().of(nurse.username())).isEqualTo("Nurse Renamed");
    }

    private long version() {
        return jdbc.sql("select version from staff_names_version").query(Long.class).single();
    }
}
