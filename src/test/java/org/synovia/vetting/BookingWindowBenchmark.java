package org.synovia.vetting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
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
import org.synovia.safety.SafetyFixtures;
import org.synovia.safety.SafetyInput;
import org.synovia.safety.rules.SafetyEngine;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;
import org.synovia.shared.Laterality;

/**
 * The earliest-safe-date search done at every vetting review and acceptance: a knee re-injected with
 * hexacetonide 10 days ago (the engine must be asked about 11 days before one passes) and an apixaban
 * hold before a cervical facet injection (a pass on day 3, after the notice period). Run with
 * {@code perf/benchmarks.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BookingWindowBenchmark {

    private final LocalPolicy policy = LocalPolicy.defaults();
    private final LocalDate today = SafetyFixtures.TODAY;

    private final SafetyInput hexacetonideRepeat = new SafetyInput(SafetyFixtures.adult().weightKg(70.0).build(), List.of(),
            List.of(new PreviousInjection("KNEE_JOINT", Laterality.LEFT, today.minusDays(10),
                    InjectedAgent.TRIAMCINOLONE_HEXACETONIDE, 20.0)),
            List.of(), SafetyFixtures.unbooked(SafetyFixtures.kneeSteroid(Laterality.LEFT,
                    PlannedDrug.dose(InjectedAgent.TRIAMCINOLONE_HEXACETONIDE, 20))));

    private final SafetyInput apixabanCervicalFacet = new SafetyInput(SafetyFixtures.adult().weightKg(82.0).build(),
            List.of(Medicine.of(Antithrombotic.APIXABAN, 5, DoseFrequency.TWICE_DAILY, LocalTime.of(8, 0), LocalTime.of(20, 0))),
            List.of(), List.of(), SafetyFixtures.unbooked(SafetyFixtures.cervicalFacet()));

    @Benchmark
    public BookingWindow.Earliest hexacetonideRepeatAfterTenDays() {
        return BookingWindow.earliest(start -> SafetyEngine.assess(new SafetyInput(hexacetonideRepeat.patient(),
                hexacetonideRepeat.medicines(), hexacetonideRepeat.previousInjections(), hexacetonideRepeat.vaccinations(),
                hexacetonideRepeat.procedure().withStart(start)), policy, today), today, Set.of(), 2);
    }

    @Benchmark
    public BookingWindow.Earliest apixabanHoldBeforeCervicalFacet() {
        return BookingWindow.earliest(start -> SafetyEngine.assess(new SafetyInput(apixabanCervicalFacet.patient(),
                apixabanCervicalFacet.medicines(), apixabanCervicalFacet.previousInjections(),
                apixabanCervicalFacet.vaccinations(), apixabanCervicalFacet.procedure().withStart(start)), policy, today),
                today, Set.of(), 2);
    }
}
