package org.synovia.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccounts;
import org.synovia.shared.Sex;
import org.synovia.testing.GenericPlans;
import org.synovia.testing.StatementCounter;

/**
 * The search by name or hospital number finds what it found before the prefix indexes (ADR 0114), in the same order,
 * and its plan can use them: each word's prefix is a byte-wise range an index serves even in a generic plan.
 */
@SynoviaIntegrationTest
class PatientSearchIntegrationTests {

    @Autowired Patients patients;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    /** Letters no other test's patient starts with, so each search sees this test's patients. */
    private final String stem = "Qy" + PatientFixtures.uniqueFamilyName().substring("Testperson".length(), 16);

    @BeforeEach
    void registerPatients() {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.BOOKING));
        register("O'" + stem, "Alex", null);
        register(stem + "-Smith", "Alex", null);
        register(stem + " Smith", "Sam", null);
        register(stem, "Éloïse", null);
        register("É" + stem.toLowerCase(Locale.ROOT), "Alex", null);
        register("Eve", stem + "ina", null);
        register(stem.toUpperCase(Locale.ROOT), "Zed", null);
        register("Hospitalonly", "Alex", "HX" + stem.substring(2, 6).toUpperCase(Locale.ROOT) + "42");
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void findsWhatTheSearchFoundBeforeInTheSameOrder() {
        String lower = stem.toLowerCase(Locale.ROOT);
        List<String> searches = List.of(stem, lower, stem.toUpperCase(Locale.ROOT), "o'" + lower, "O'" + stem, "o’" + lower,
                lower + "-", lower + "-s", lower + " smith", lower + "-smith alex", "é" + lower, "É" + lower, "e" + lower,
                lower + "in", "hx" + lower.substring(2, 6), "HX" + lower.substring(2, 6) + "4", "alex " + lower, lower + "%",
                lower + "_", lower.substring(0, 3) + "_", "\\" + lower, lower + " sam", "sam " + lower + " ", "q");
        for (String search : searches) {
            assertThat(ids(patients.search(new PatientSearch(search, null)))).as(search).isEqualTo(before(search, null));
        }
        LocalDate born = LocalDate.of(1970, 3, 14);
        assertThat(ids(patients.search(new PatientSearch(lower, born)))).isEqualTo(before(lower, born));
    }

    @Test
    void matchesTheStartOfEachNameIgnoringCaseWithHyphensAndApostrophes() {
        String lower = stem.toLowerCase(Locale.ROOT);
        // "Eve" by her given name.
        assertThat(familyNames(lower)).containsExactlyInAnyOrder(stem + "-Smith", stem + " Smith", stem,
                stem.toUpperCase(Locale.ROOT), "Eve");
        assertThat(familyNames("o'" + lower)).containsExactly("O'" + stem);
        assertThat(familyNames(lower + "-s")).containsExactly(stem + "-Smith");
        // Each word matches the start of a name on its own: "smith" starts none of them, "sam" the given name.
        assertThat(familyNames(lower + " smith")).isEmpty();
        assertThat(familyNames(lower + " sam")).containsExactly(stem + " Smith");
        assertThat(familyNames(lower + "in")).containsExactly("Eve");
        assertThat(familyNames(lower + "_")).isEmpty();
        // Accents are not folded: "e" does not find "É" (as before this change).
        assertThat(familyNames("e" + lower)).isEmpty();
    }

    @Test
    void searchesThroughThePrefixIndexesInAGenericPlan() throws Exception {
        List<String> sql = StatementCounter.record(() -> patients.search(new PatientSearch(stem + " alex", null)));
        String search = sql.stream().filter(s -> s.startsWith("select * from patient")).findFirst().orElseThrow();

        String plan = GenericPlans.of(context, search);

        assertThat(plan).contains("patient_family_name_prefix", "patient_given_name_prefix", "patient_hospital_number_prefix")
                .doesNotContain("Seq Scan");
    }

    @Test
    void matchesAKnownHospitalNumberInAnyCaseThroughAnIndex() throws Exception {
        String hospitalNumber = "hx" + stem.substring(2, 6).toLowerCase(Locale.ROOT) + "42";
        NewPatient again = new NewPatient(null, hospitalNumber, "Other", "Name", LocalDate.of(1980, 1, 1), Sex.MALE,
                null, null, null, null, null);
        Registration[] registration = new Registration[1];
        List<String> sql = StatementCounter.record(() -> registration[0] = patients.register(again, true));

        assertThat(registration[0]).isInstanceOf(Registration.AlreadyRegistered.class);
        String lookUp = sql.stream().filter(s -> s.contains("hospital_number) =")).findFirst().orElseThrow();
        assertThat(GenericPlans.of(context, lookUp)).contains("patient_hospital_number_prefix").doesNotContain("Seq Scan");
    }

    /** The search as it was before ADR 0114: a LIKE per word and column, which no index serves with a parameter. */
    private List<UUID> before(String text, LocalDate dateOfBirth) {
        PatientSearch search = new PatientSearch(text, dateOfBirth);
        StringBuilder sql = new StringBuilder("select id from patient where true");
        List<Object> params = new ArrayList<>();
        for (String word : search.text().split("[\\s,]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String prefix = word.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" and (lower(family_name) like ? or lower(given_name) like ? or lower(hospital_number) like ?)");
            params.addAll(List.of(prefix, prefix, prefix));
        }
        if (dateOfBirth != null) {
            sql.append(" and date_of_birth = ?");
            params.add(dateOfBirth);
        }
        sql.append(" order by lower(family_name), lower(given_name), date_of_birth limit 50");
        return jdbc.sql(sql.toString()).params(params).query(UUID.class).list();
    }

    private static List<UUID> ids(List<Patient> found) {
        return found.stream().map(p -> p.id().value()).toList();
    }

    private List<String> familyNames(String search) {
        return patients.search(new PatientSearch(search, null)).stream().map(Patient::familyName).toList();
    }

    private void register(String family, String given, String hospitalNumber) {
        patients.register(new NewPatient(hospitalNumber == null ? PatientFixtures.uniqueNhsNumber() : null, hospitalNumber,
                family, given, LocalDate.of(1970, 3, 14), Sex.FEMALE, null, null, null, null, null), true);
    }
}
