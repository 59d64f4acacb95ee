package org.synovia.patient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.database.EmbeddedDatabaseLogins;

/**
 * A repeatable measurement, not a test (its name keeps it out of {@code mvn verify}): the patient search on a scratch
 * copy of the patient table with 100,000 synthetic patients, before and after the prefix indexes of V143 (ADR 0114).
 * For each search it prints EXPLAIN ANALYZE of the query as prepared with parameters, after five runs so that
 * PostgreSQL may settle on its generic plan, as it does for the application's prepared statements. Run it with
 * {@code perf/patient-search.sh}; it writes target/perf/patient-search.txt.
 */
@SynoviaIntegrationTest
class PatientSearchPlans {

    private static final int PATIENTS = 100_000;
    private static final String OLD = """
            select * from patient where true
             and (lower(family_name) like $1 or lower(given_name) like $1 or lower(hospital_number) like $1)
             order by lower(family_name), lower(given_name), date_of_birth limit 50""";
    private static final String NEW = """
            select * from patient where true
             and ((lower(family_name) ~>=~ $1 and lower(family_name) ~<~ $2 and lower(family_name) like $3)
               or (lower(given_name) ~>=~ $1 and lower(given_name) ~<~ $2 and lower(given_name) like $3)
               or (lower(hospital_number) ~>=~ $1 and lower(hospital_number) ~<~ $2 and lower(hospital_number) like $3))
             order by lower(family_name), lower(given_name), date_of_birth limit 50""";

    @Autowired ApplicationContext context;

    @Test
    void measures() throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection connection = EmbeddedDatabaseLogins.as(context, EmbeddedDatabaseLogins.OWNER).getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("drop schema if exists search_scratch cascade");
            sql.execute("create schema search_scratch");
            sql.execute("set search_path = search_scratch");
            // The real table's columns and checks, with the indexes it had before V143 (V3's and its unique keys).
            sql.execute("create table patient (like public.patient including defaults including constraints)");
            sql.execute("alter table patient add primary key (id), add unique (nhs_number), add unique (hospital_number)");
            sql.execute("create index patient_name_dob on patient (lower(family_name), lower(given_name), date_of_birth)");
            sql.execute("create index patient_dob on patient (date_of_birth)");
            // Family names from 2,000 stems with a letter before them; given names from 300; one family name is rare.
            sql.execute("""
                    insert into patient (id, nhs_number, hospital_number, family_name, given_name, date_of_birth, sex,
                        created_at, created_by)
                    select gen_random_uuid(), null, 'H' || lpad(n::text, 7, '0'),
                        case when n = 77777 then 'Quenby-Oakes'
                             else initcap(chr(97 + n % 23) || md5((n % 2000)::text)) end,
                        initcap(chr(97 + n % 19) || substr(md5((n % 300)::text), 1, 6)),
                        date '1930-01-01' + (n % 30000), 'FEMALE', now(), 'scratch'
                    from generate_series(1, COUNT) n""".replace("COUNT", Integer.toString(PATIENTS)));
            sql.execute("analyze patient");
            out.append("patients: ").append(PATIENTS).append("\n\n");

            for (String[] search : searches()) {
                out.append(plan(sql, "before (V3 index only, LIKE)", false, search));
            }
            sql.execute("create index patient_family_name_prefix on patient (lower(family_name) text_pattern_ops)");
            sql.execute("create index patient_given_name_prefix on patient (lower(given_name) text_pattern_ops)");
            sql.execute("create index patient_hospital_number_prefix on patient (lower(hospital_number) text_pattern_ops)");
            sql.execute("analyze patient");
            for (String[] search : searches()) {
                out.append(plan(sql, "LIKE alone, prefix indexes present", false, search));
                out.append(plan(sql, "after (prefix indexes; range and LIKE from two characters)",
                        PrefixRange.worthARange(search[0]), search));
                // What a statement the server has settled on a plan for, whatever its values, does.
                sql.execute("set plan_cache_mode = force_generic_plan");
                out.append(plan(sql, "after, generic plan", PrefixRange.worthARange(search[0]), search));
                sql.execute("reset plan_cache_mode");
            }
            sql.execute("drop schema search_scratch cascade");
        }
        Files.createDirectories(Path.of("target", "perf"));
        Files.writeString(Path.of("target", "perf", "patient-search.txt"), out);
        System.out.println(out);
    }

    /** A rare family name, a common first letter, a common pair of letters, and a hospital number. */
    private static List<String[]> searches() {
        return List.of(new String[] { "quenby" }, new String[] { "b" }, new String[] { "ba" }, new String[] { "h0077" });
    }

    private static String plan(Statement sql, String label, boolean withRange, String[] search) throws Exception {
        String word = search[0];
        String arguments = withRange ? "'" + word + "', '" + PrefixRange.above(word) + "', '" + word + "%'" : "'" + word + "%'";
        sql.execute("deallocate all");
        sql.execute("prepare search " + (withRange ? "(text, text, text) as " + NEW : "(text) as " + OLD));
        for (int i = 0; i < 6; i++) {
            sql.execute("execute search(" + arguments + ")");
        }
        StringBuilder plan = new StringBuilder("## " + label + ": '" + word + "'\n");
        try (ResultSet rows = sql.executeQuery("explain (analyze, buffers) execute search(" + arguments + ")")) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.append('\n').toString();
    }
}
