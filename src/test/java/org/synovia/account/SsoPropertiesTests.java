package org.synovia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SsoPropertiesTests {

    private static final Map<String, Set<Role>> MAPPING = Map.of("synovia-nurses", Set.of(Role.NURSE));

    private static SsoProperties sso(boolean enabled, String issuer, Map<String, Set<Role>> mapping, boolean passwordSignIn) {
        return new SsoProperties(enabled, "Test Trust", issuer, "client", "secret", List.of("openid", "email"), "email",
                SsoProperties.LinkTo.EMAIL, "roles", mapping, SsoProperties.AccountPolicy.REQUIRE_EXISTING, passwordSignIn,
                Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @Test
    void showsThePasswordFormUnlessSingleSignOnIsOnAndTheFormSwitchedOff() {
        assertThat(sso(false, null, null, true).passwordFormShown()).isTrue();
        assertThat(sso(true, "https://login.example", MAPPING, true).passwordFormShown()).isTrue();
        assertThat(sso(true, "https://login.example", MAPPING, false).passwordFormShown()).isFalse();
    }

    @Test
    void refusesSettingsWithWhichNobodyCouldSignInOrEveryoneWouldHaveNoRole() {
        assertThatIllegalArgumentException().isThrownBy(() -> sso(false, null, null, false))
                .withMessageContaining("password-sign-in may be switched off only while single sign-on is enabled");
        assertThatIllegalArgumentException().isThrownBy(() -> sso(true, null, MAPPING, true))
                .withMessageContaining("set issuer-uri, client-id and client-secret");
        assertThatIllegalArgumentException().isThrownBy(() -> sso(true, "https://login.example", Map.of(), true))
                .withMessageContaining("map at least one value of the 'roles' claim");
    }

    @Test
    void mapsAStringOrAListClaimAndIgnoresValuesNotListed() {
        SsoAccountLinker linker = new SsoAccountLinker(sso(true, "https://login.example",
                Map.of("synovia-nurses", Set.of(Role.NURSE), "synovia-admins", Set.of(Role.ADMIN, Role.BOOKING)), true), null, null);

        assertThat(linker.mappedRoles("synovia-nurses")).containsExactly(Role.NURSE);
        assertThat(linker.mappedRoles(List.of("synovia-admins", "finance"))).containsExactlyInAnyOrder(Role.ADMIN, Role.BOOKING);
        assertThat(linker.mappedRoles(List.of("finance", "SYNOVIA-NURSES"))).isEmpty();
        assertThat(linker.mappedRoles(null)).isEmpty();
    }
}
