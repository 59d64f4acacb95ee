package org.synovia.fuzz;

import java.net.http.HttpTimeoutException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Runs targets one after another with inputs drawn from one seed, checks each answer against the {@link Oracle},
 * counts outcomes per target, and cuts each failing input down to the single mutation that still fails.
 */
final class FuzzRound {

    /** Per-target counts, as the long round prints them. */
    static final class Counts {
        final String target;
        int inputs, status2xx, status3xx, status4xx, status5xx, leaks, hangs, unanswered, skipped;
        long millis;
        final List<String> created = new ArrayList<>();

        Counts(String target) {
            this.target = target;
        }

        @Override
        public String toString() {
            return String.format("%-14s inputs %6d  2xx %6d  3xx %5d  4xx %6d  5xx %3d  leaks %3d  hangs %3d  no-answer %3d  skipped %4d  %6.1f s",
                    target, inputs, status2xx, status3xx, status4xx, status5xx, leaks, hangs, unanswered, skipped,
                    millis / 1000.0);
        }
    }

    record Failure(String target, long seed, int input, String kind, String detail, String reproduction) {

        @Override
        public String toString() {
            return kind + " in " + target + " (seed " + seed + ", input " + input + "): " + detail + "\n    reproduce: "
                    + reproduction;
        }
    }

    private final long seed;
    /**
     * Called after each input with what was sent and the ids its answer named (null for none); set to find which
     * input made a row nobody was told of (ops/fuzz.sh, "trace").
     */
    java.util.function.BiConsumer<String, String> afterEach;
    final Map<String, Counts> counts = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    final List<Failure> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    /** What the replays that cut a failing input down created: answered to us too, so acknowledged. */
    final List<String> createdByReplays = java.util.Collections.synchronizedList(new ArrayList<>());

    FuzzRound(long seed) {
        this.seed = seed;
    }

    /** The input's own seed: the round's seed, the target and the input's number, so one input can be replayed alone. */
    static long inputSeed(long seed, String target, int input) {
        return seed * 0x9E3779B97F4A7C15L + target.hashCode() * 31L + input;
    }

    /**
     * Runs each target with its number of inputs, a few targets at a time (each target's inputs in order, so a seed
     * replays them), and waits for all.
     */
    void runAll(Map<FuzzTarget, Integer> inputs, int parallel) throws InterruptedException {
        inputs.keySet().forEach(target -> counts.put(target.name(), new Counts(target.name())));
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(parallel)) {
            List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
            inputs.forEach((target, count) -> runs.add(pool.submit(() -> run(target, count))));
            for (var run : runs) {
                try {
                    run.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("A fuzz target could not run", e.getCause());
                }
            }
        }
    }

    void run(FuzzTarget target, int inputs) {
        Counts count = counts.computeIfAbsent(target.name(), Counts::new);
        long start = System.nanoTime();
        List<Failure> found = new ArrayList<>();
        for (int n = 0; n < inputs; n++) {
            FuzzTarget.Input input = target.draw(new Random(inputSeed(seed, target.name(), n)));
            int before = count.created.size();
            Optional<String[]> failed = check(target, input, count, count.created);
            if (afterEach != null) {
                afterEach.accept(target.name() + " input " + n + " " + input,
                        count.created.size() > before ? count.created.get(count.created.size() - 1) : null);
            }
            if (failed.isPresent()) {
                found.add(new Failure(target.name(), seed, n, failed.get()[0], failed.get()[1], shrink(target, input, failed.get()[0])));
            }
        }
        count.millis += (System.nanoTime() - start) / 1_000_000;
        failures.addAll(found);
        System.out.println("fuzz: " + count);
    }

    /** The single mutation that fails the same way alone, or the whole input when none does. */
    private String shrink(FuzzTarget target, FuzzTarget.Input input, String kind) {
        if (input.mutations().size() > 1) {
            for (FuzzTarget.Mutation mutation : input.mutations()) {
                FuzzTarget.Input alone = input.only(mutation);
                Optional<String[]> failed = check(target, alone, null, createdByReplays);
                if (failed.isPresent() && failed.get()[0].equals(kind)) {
                    return alone.toString();
                }
            }
        }
        return input.toString();
    }

    /**
     * Sends the input; returns {kind, detail} when it fails the oracle. Counts it when {@code count} is given, and
     * keeps the ids an answer names in {@code created}.
     */
    private static Optional<String[]> check(FuzzTarget target, FuzzTarget.Input input, Counts count, List<String> created) {
        FuzzTarget.Answer answer;
        try {
            answer = target.send(input);
        } catch (HttpTimeoutException | SocketTimeoutException e) {
            if (count != null) {
                count.inputs++;
                count.hangs++;
            }
            return Optional.of(new String[] { "hang", "no answer within " + WebSession.ANSWER_TIMEOUT.toSeconds() + " s" });
        } catch (Exception e) {
            if (count != null) {
                count.inputs++;
                count.unanswered++;
            }
            return Optional.of(new String[] { "no answer", e.toString() });
        }
        if (answer.status() == FuzzTarget.Answer.SKIPPED) {
            if (count != null) {
                count.skipped++;
            }
            return Optional.empty();
        }
        if (count != null) {
            count.inputs++;
            int status = answer.status();
            if (status >= 500) {
                count.status5xx++;
            } else if (status >= 400 || status == FuzzTarget.Answer.CLOSED) {
                count.status4xx++;
            } else if (status >= 300) {
                count.status3xx++;
            } else {
                count.status2xx++;
            }
        }
        if (answer.created() != null) {
            created.add(answer.created());
        }
        if (answer.status() >= 500) {
            if (count != null) {
                Optional<String> leak = Oracle.leak(answer.text(), answer.html());
                if (leak.isPresent()) {
                    count.leaks++;
                }
            }
            return Optional.of(new String[] { answer.status() + "", shorten(answer.text()) });
        }
        Optional<String> leak = Oracle.leak(answer.text(), answer.html());
        if (leak.isPresent()) {
            if (count != null) {
                count.leaks++;
            }
            return Optional.of(new String[] { "leak", "status " + answer.status() + ": " + leak.get() });
        }
        return Optional.empty();
    }

    private static String shorten(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    long totalInputs() {
        return List.copyOf(counts.values()).stream().mapToLong(c -> c.inputs).sum();
    }

    String report(Duration elapsed) {
        StringBuilder out = new StringBuilder("Fuzz round, seed " + seed + ", " + totalInputs() + " inputs in "
                + elapsed.toSeconds() + " s\n");
        counts.values().forEach(c -> out.append("  ").append(c).append('\n'));
        int shown = 0;
        for (Failure failure : failures) {
            if (shown++ == 40) {
                out.append("  … and ").append(failures.size() - 40).append(" more failures\n");
                break;
            }
            out.append("  ").append(failure).append('\n');
        }
        return out.toString();
    }
}
