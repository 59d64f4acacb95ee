package org.synovia.account;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a production start with no accounts at all, creates one administrator. Its password comes from
 * {@code synovia.security.initial-admin-password} or, when unset, is random and shown once in the
 * log, so no installation ever starts with a password anyone could know in advance.
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final UserAccounts accounts;
    private final boolean demo;
    private final String configuredPassword;

    FirstAdministrator(UserAccounts accounts, @Value("${synovia.demo.enabled:false}") boolean demo,
            @Value("${synovia.security.initial-admin-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.demo = demo;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo || accounts.any()) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? UserAccounts.randomPassword() : configuredPassword;
        accounts.create(new NewUserAccount("admin", "Administrator", null, null, Set.of(Role.ADMIN), password), "system");
        if (generated) {
            log.warn("Created the first administrator 'admin' with the one-time password: {}  (change it after signing in)", password);
        }
        else {
            log.info("Created the first administrator 'admin' with the configured initial password");
        }
    }
}
