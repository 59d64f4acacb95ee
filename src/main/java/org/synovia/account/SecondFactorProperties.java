package org.synovia.account;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional second factor at password sign-in (TOTP, ADR 0061).
 *
 * @param requiredRoles roles whose holders must use a second factor: they enrol at their next sign-in
 * @param keyFile the AES key that encrypts the stored secrets, created at the first enrolment, owner-only (0600)
 * @param issuer the name the authenticator app shows beside the account
 * @param codeWait how long after the right password the code may be given
 */
@ConfigurationProperties("synovia.account.second-factor")
record SecondFactorProperties(@DefaultValue Set<Role> requiredRoles,
        @DefaultValue("./data/postgres/synovia-second-factor.key") Path keyFile, @DefaultValue("Synovia") String issuer,
        @DefaultValue("5m") Duration codeWait) {

    SecondFactorProperties {
        requiredRoles = Set.copyOf(requiredRoles);
    }
}
