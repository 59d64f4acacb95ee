package org.synovia.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.account.Role;
import org.synovia.account.StaffGrade;
import org.synovia.account.UserAccount;

/** Who may override a STOP: every role against every grade, under the default and a clinic's own choice. */
class StopOverridePolicyTests {

    private static final StopOverridePolicy CONSULTANT_RADIOLOGIST = new StopOverridePolicy(Role.RADIOLOGIST,
            StaffGrade.CONSULTANT);
    private static final StopOverridePolicy REGISTRAR_RADIOLOGIST = new StopOverridePolicy(Role.RADIOLOGIST,
            StaffGrade.SPECIALTY_REGISTRAR);

    @ParameterizedTest(name = "{0} {1}: default {2}, registrar policy {3}")
    @CsvSource({
            // role,       grade,                  consultant radiologist named, specialty registrar radiologist named
            "RADIOLOGIST,  CONSULTANT,             true,  true",
            "RADIOLOGIST,  SPECIALTY_REGISTRAR,    false, true",
            "RADIOLOGIST,  SONOGRAPHER,            false, false",
            "RADIOLOGIST,  ADVANCED_PRACTITIONER,  false, false",
            "RADIOLOGIST,  ,                       false, false",
            "NURSE,        CONSULTANT,             false, false",
            "NURSE,        ADVANCED_PRACTITIONER,  false, false",
            "REFERRER,     CONSULTANT,             false, false",
            "REFERRER,     SPECIALTY_REGISTRAR,    false, false",
            "BOOKING,      CONSULTANT,             false, false",
            "ADMIN,        CONSULTANT,             false, false",
            "ADMIN,        ,                       false, false",
    })
    void permitsOnlyTheNamedRoleWithTheNamedGradeOrAConsultantOfThatRole(Role role, StaffGrade grade,
            boolean byDefault, boolean underRegistrarPolicy) {
        UserAccount account = account(Set.of(role), grade, true);

        assertThat(CONSULTANT_RADIOLOGIST.permits(account)).isEqualTo(byDefault);
        assertThat(REGISTRAR_RADIOLOGIST.permits(account)).isEqualTo(underRegistrarPolicy);
    }

    @Test
    void refusesADisabledAccountAndNoAccountAtAll() {
        assertThat(CONSULTANT_RADIOLOGIST.permits(account(Set.of(Role.RADIOLOGIST), StaffGrade.CONSULTANT, false))).isFalse();
        assertThat(CONSULTANT_RADIOLOGIST.permits(null)).isFalse();
    }

    @Test
    void permitsAPersonWithSeveralRolesWhenOneIsTheNamedRole() {
        assertThat(CONSULTANT_RADIOLOGIST.permits(account(Set.of(Role.NURSE, Role.RADIOLOGIST), StaffGrade.CONSULTANT, true)))
                .isTrue();
    }

    @Test
    void namesWhoMayOverrideInItsRefusal() {
        assertThat(CONSULTANT_RADIOLOGIST.refusal()).isEqualTo("Only a consultant radiologist may override this STOP.");
        assertThat(new StopOverridePolicy(Role.RADIOLOGIST, StaffGrade.ADVANCED_PRACTITIONER).refusal())
                .isEqualTo("Only an advanced practitioner radiologist may override this STOP.");
        assertThat(StopOverridePolicy.title(null, Role.RADIOLOGIST)).isEqualTo("radiologist, grade not recorded");
    }

    @Test
    void needsBothARoleAndAGrade() {
        assertThatThrownBy(() -> new StopOverridePolicy(Role.RADIOLOGIST, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StopOverridePolicy(null, StaffGrade.CONSULTANT)).isInstanceOf(IllegalArgumentException.class);
    }

    private static UserAccount account(Set<Role> roles, StaffGrade grade, boolean enabled) {
        return new UserAccount("someone", "Dr Some One", null, null, roles, grade, enabled, Instant.EPOCH);
    }
}
