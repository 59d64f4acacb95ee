package org.synovia.perf;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.Medicine;
import org.synovia.safety.PlannedDrug;
import org.synovia.safety.PreviousInjection;
import org.synovia.safety.SafetyAssessment;
import org.synovia.safety.SafetyFixtures;
import org.synovia.safety.SafetyInput;
import org.synovia.safety.rules.SafetyEngine;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;
import org.synovia.shared.Laterality;

/**
 * How long one safety assessment takes: a busy patient (apixaban and aspirin, diabetes, two previous
 * injections) for a dated cervical facet injection, and an undated knee injection. Vetting's earliest-date
 * search asks the engine up to 180 times per protocol, so this number bounds that page's time.
 * Run with {@code perf/benchmarks.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SafetyEngineBenchmark {

    private final LocalPolicy policy = LocalPolicy.defaults();
    private final LocalDate today = SafetyFixtures.TODAY;

    private final SafetyInput cervicalFacetOnApixaban = new SafetyInput(
            SafetyFixtures.adult().weightKg(82.0).heightCm(176.0).creatinine(96, today.minusDays(10))
                    .diabetes(org.synovia.safety.DiabetesType.TYPE_2, true, 72).build(),
            List.of(Medicine.of(Antithrombotic.APIXABAN, 5, DoseFrequency.TWICE_DAILY, LocalTime.of(8, 0), LocalTime.of(20, 0)),
                    Medicine.of(Antithrombotic.ASPIRIN, 75, DoseFrequency.ONCE_DAILY, LocalTime.of(8, 0))),
            List.of(new PreviousInjection("FACET_CERVICAL", Laterality.RIGHT, today.minusDays(120),
                            InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40.0),
                    new PreviousInjection("KNEE_JOINT", Laterality.LEFT, today.minusDays(200),
                            InjectedAgent.TRIAMCINOLONE_ACETONIDE, 40.0)),
            List.of(), SafetyFixtures.cervicalFacet());

    private final SafetyInput undatedKnee = new SafetyInput(SafetyFixtures.adult().weightKg(70.0).build(), List.of(), List.of(),
            List.of(), SafetyFixtures.unbooked(SafetyFixtures.kneeSteroid(Laterality.LEFT,
                    PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40))));

    @Benchmark
    public SafetyAssessment cervicalFacetOnApixabanDated() {
        return SafetyEngine.assess(cervicalFacetOnApixaban, policy, today);
    }

    @Benchmark
    public SafetyAssessment kneeUndated() {
        return SafetyEngine.assess(undatedKnee, policy, today);
    }
}
