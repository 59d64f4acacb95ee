package org.synovia.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;

/**
 * Overrides written before {@code safety_override} existed, as lines on the vetting decision, become rows
 * with no grade (V66), so booking still honours them and every page shows them as "grade not recorded".
 */
@SynoviaIntegrationTest
class SafetyOverrideBackfillIntegrationTests {

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired SafetyOverrides overrides;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void turnsEachLegacyLineIntoARowWithItsRuleSeverityAuthorAndReason() throws IOException {
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(referrer);
        UUID patientId = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient().id().value();
        Referral referral = referrals.submit(UUID.randomUUID(), ReferralFixtures.kneeOnApixaban(patientId));
        UUID decisionId = UUID.randomUUID();
        jdbc.sql("""
                insert into vetting_decision (id, referral_id, outcome, safety_overrides, decided_by, decided_at)
                values (?, ?, 'ACCEPTED', ?, ?, ?)
                """).params(decisionId, referral.id().value(), String.join("\n",
                        "SAF-040 (STOP) accepted by " + radiologist.username() + ": Reaction was to adrenaline: plain lidocaine is safe",
                        "SAF-011 (WARN) accepted by " + radiologist.username() + ": Discussed with the haematologist"),
                radiologist.username(), Timestamp.from(Instant.parse("2026-11-02T10:15:00Z"))).update();

        // The migration's own statement, narrowed to this decision so other tests' rows are left alone.
        String migration = new ClassPathResource("db/migration/V66__safety_override.sql").getContentAsString(StandardCharsets.UTF_8);
        String backfill = migration.substring(migration.lastIndexOf("insert into safety_override")).strip();
        backfill = backfill.substring(0, backfill.length() - 1) + " and d.id = ?";
        jdbc.sql(backfill).param(decisionId).update();

        AccountFixtures.signIn(radiologist);
        List<SafetyOverride> rows = overrides.forReferral(referral.id().value());
        assertThat(rows).extracting(SafetyOverride::ruleId).containsExactlyInAnyOrder("SAF-040", "SAF-011");
        SafetyOverride stop = rows.stream().filter(SafetyOverride::overridesStop).findFirst().orElseThrow();
        assertThat(stop.reason()).isEqualTo("Reaction was to adrenaline: plain lidocaine is safe");
        assertThat(stop.byName()).isEqualTo(radiologist.displayName());
        assertThat(stop.grade()).isNull();
        assertThat(stop.decisionId()).isEqualTo(decisionId);
        assertThat(stop.sentence()).isEqualTo("Overridden by " + radiologist.displayName()
                + " (radiologist, grade not recorded) on 2 Nov 2026: Reaction was to adrenaline: plain lidocaine is safe");
        assertThat(overrides.overriddenStops(referral.id().value(), decisionId)).containsExactly("SAF-040");
    }
}
