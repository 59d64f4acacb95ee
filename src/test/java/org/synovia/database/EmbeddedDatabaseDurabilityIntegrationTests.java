package org.synovia.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;

/** The running embedded server reports the settings that make an acknowledged commit survive a crash. */
@SynoviaIntegrationTest
class EmbeddedDatabaseDurabilityIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @CsvSource({"fsync, on", "synchronous_commit, on", "full_page_writes, on"})
    void runsWithDurableCommits(String setting, String expected) {
        String value = jdbc.sql("show " + setting).query(String.class).single();

        assertThat(value).isEqualTo(expected);
    }
}
