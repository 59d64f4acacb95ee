package org.synovia.perf;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.synovia.outcomes.KaplanMeier;

/**
 * How long one duration-of-relief curve takes. The analytics page estimates about 40 curves per view from
 * counts per day (at most a few hundred distinct days, whatever the number of patients); the second case
 * estimates one from 100,000 individual observations, the cost if counts were not aggregated in the database.
 * Run with {@code perf/benchmarks.sh KaplanMeier}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KaplanMeierBenchmark {

    private List<KaplanMeier.Count> counts;
    private int[] times;
    private boolean[] events;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        counts = new ArrayList<>();
        for (int day = 0; day <= 168; day += 1 + random.nextInt(3)) {
            counts.add(new KaplanMeier.Count(day, random.nextInt(2000), random.nextInt(400)));
        }
        times = new int[100_000];
        events = new boolean[times.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = random.nextInt(169);
            events[i] = random.nextDouble() < 0.8;
        }
    }

    @Benchmark
    public KaplanMeier.Curve fromCountsPerDay() {
        return KaplanMeier.estimate(counts);
    }

    @Benchmark
    public KaplanMeier.Curve fromHundredThousandObservations() {
        return KaplanMeier.fromObservations(times, events);
    }
}
