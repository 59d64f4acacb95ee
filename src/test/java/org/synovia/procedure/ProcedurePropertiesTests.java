package org.synovia.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The settings as docs/configuration.md describes them, bound the way the application binds them. */
class ProcedurePropertiesTests {

    private static ProcedureProperties bind(Map<String, Object> environment) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        return new Binder(ConfigurationPropertySources.get(env)).bindOrCreate("synovia.procedure", ProcedureProperties.class);
    }

    @Test
    void defaultsToTheSuggestedMinutesThePublishedThresholdsAndNoLocalChecks() {
        ProcedureProperties properties = bind(Map.of());

        assertThat(properties.painScoreMinutes()).containsExactly(5, 15, 30);
        assertThat(properties.thresholds()).isEqualTo(ReliefThresholds.PUBLISHED);
        assertThat(Checklist.localChecks(properties.localChecks())).isEmpty();
    }

    @Test
    void bindsTheDocumentedEnvironmentVariables() {
        ProcedureProperties properties = bind(Map.of("SYNOVIA_PROCEDURE_LOCALCHECKS_SIGNIN_0", "Skin preparation agent confirmed",
                "SYNOVIA_PROCEDURE_PAINSCOREMINUTES", "10,60,120", "SYNOVIA_PROCEDURE_DIAGNOSTICRELIEFPERCENT", "60"));

        assertThat(properties.localChecks().signIn()).containsExactly("Skin preparation agent confirmed");
        assertThat(properties.painScoreMinutes()).isEqualTo(List.of(10, 60, 120));
        assertThat(properties.thresholds()).isEqualTo(new ReliefThresholds(60, 80));
    }

    @Test
    void refusesAThresholdOrMinuteOutOfRange() {
        assertThatThrownBy(() -> bind(Map.of("SYNOVIA_PROCEDURE_DUALBLOCKRELIEFPERCENT", "120"))).isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("SYNOVIA_PROCEDURE_PAINSCOREMINUTES", "0"))).isInstanceOf(BindException.class);
    }
}
