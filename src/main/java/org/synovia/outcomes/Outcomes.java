package org.synovia.outcomes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.catalogue.Catalogue;
import org.synovia.outcomes.OutcomeReport.Rates;
import org.synovia.outcomes.OutcomeReport.Survival;
import org.synovia.shared.Guidance;
import org.synovia.waitinglist.WaitingStandard;

/**
 * Outcome analytics for the service: duration of relief (Kaplan–Meier), response rates, complications,
 * waiting times and volumes over a period, from the {@code outcome_fact} read model. The page shows counts
 * only, never a patient; a view and an export are still audited, as they describe the service's patients.
 */
@Service
public class Outcomes {

    private static final Logger log = LoggerFactory.getLogger(Outcomes.class);
    static final String RECORD_TYPE = "OutcomeAnalytics";

    private final OutcomeQueries queries;
    private final OutcomeFacts facts;
    private final Catalogue catalogue;
    private final AuditTrail audit;

    Outcomes(OutcomeQueries queries, OutcomeFacts facts, Catalogue catalogue, AuditTrail audit) {
        this.queries = queries;
        this.facts = facts;
        this.catalogue = catalogue;
        this.audit = audit;
    }

    /** The whole report for a period; {@code export} says whether it leaves the system as a file. */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE', 'ADMIN')")
    public OutcomeReport report(OutcomeFilter filter, boolean export) {
        audit.record(export ? AuditAction.EXPORT : AuditAction.READ, RECORD_TYPE, null, null,
                "outcomes " + filter.from() + " to " + filter.to() + (filter.site() == null ? "" : " site " + filter.site())
                        + (filter.guidance() == null ? "" : " guidance " + filter.guidance()));
        Map<String, String> siteNames = catalogue.siteNames();
        Function<String, String> site = code -> siteNames.getOrDefault(code, code);
        // The three passes are independent reads of committed rows: run them side by side, each on its own connection.
        var countsLater = CompletableFuture.supplyAsync(() -> queries.counts(filter), PARALLEL);
        var reliefLater = CompletableFuture.supplyAsync(() -> queries.reliefCounts(filter), PARALLEL);
        var waitingLater = CompletableFuture.supplyAsync(() -> queries.waiting(filter), PARALLEL);
        var counts = join(countsLater);
        Map<String, List<KaplanMeier.Count>> relief = join(reliefLater);
        List<Survival> bySite = new ArrayList<>();
        List<Survival> byDrug = new ArrayList<>();
        List<Survival> byGuidance = new ArrayList<>();
        Survival overall = new Survival("all", "All therapeutic procedures", KaplanMeier.estimate(List.of()));
        for (var group : relief.entrySet()) {
            String key = group.getKey();
            KaplanMeier.Curve curve = KaplanMeier.estimate(group.getValue());
            if (key.startsWith("site:")) {
                bySite.add(new Survival(key.substring(5), site.apply(key.substring(5)), curve));
            }
            else if (key.startsWith("drug:")) {
                byDrug.add(new Survival(key.substring(5), key.substring(5), curve));
            }
            else if (key.startsWith("guidance:")) {
                byGuidance.add(new Survival(key.substring(9), guidance(key.substring(9)), curve));
            }
            else {
                overall = new Survival("all", "All therapeutic procedures", curve);
            }
        }
        Comparator<Survival> bySize = Comparator.comparingInt((Survival s) -> -s.curve().subjects()).thenComparing(Survival::label);
        bySite.sort(bySize);
        byDrug.sort(bySize);
        byGuidance.sort(bySize);
        return new OutcomeReport(filter, counts.all.procedures(), overall, bySite, byDrug, byGuidance,
                rates(counts.bySite, site), rates(counts.byDrug, Function.identity()), rates(counts.byGuidance, Outcomes::guidance),
                counts.all, join(waitingLater),
                counts.breaches.stream().map(b -> new OutcomeReport.Breaches(standard(b.standard()), b.procedures(), b.breached()))
                        .toList(),
                OutcomeQueries.volumes(counts.byOperator, Function.identity()), OutcomeQueries.volumes(
                        counts.bySite.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                                e -> e.getValue().procedures())), site),
                counts.byMonth.entrySet().stream().map(e -> new OutcomeReport.Volume(e.getKey(), e.getKey(), e.getValue())).toList(),
                facts.lastRefreshed());
    }

    /** Empties and refills the read model from the records and diaries; returns the procedures written. */
    @Transactional
    public int rebuild() {
        audit.record(AuditAction.UPDATE, RECORD_TYPE, null, null, "outcome facts rebuilt");
        long started = System.nanoTime();
        int rows = facts.rebuild();
        log.info("Outcome facts rebuilt: {} procedures in {} ms", rows, (System.nanoTime() - started) / 1_000_000);
        return rows;
    }

    /** The rebuild an administrator asks for on the page. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public int rebuildNow() {
        return rebuild();
    }

    // A platform thread per pass: no virtual threads in the server (ADR 0129).
    private static final Executor PARALLEL =
            Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("outcomes-pass-", 0).factory());

    private static <T> T join(CompletableFuture<T> later) {
        try {
            return later.join();
        }
        catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static List<Rates> rates(Map<String, Rates> groups, Function<String, String> label) {
        return groups.entrySet().stream()
                .map(e -> {
                    Rates r = e.getValue();
                    return new Rates(e.getKey(), label.apply(e.getKey()), r.procedures(), r.therapeuticRead(), r.responders(),
                            r.diagnosticRead(), r.diagnosticPositive(), r.complications(), r.redFlagged(), r.withDiary());
                })
                .sorted(Comparator.comparingLong((Rates r) -> -r.procedures()).thenComparing(Rates::label)).toList();
    }

    static String guidance(String name) {
        try {
            return Guidance.valueOf(name).label();
        }
        catch (IllegalArgumentException e) {
            return name;
        }
    }

    static String standard(String name) {
        try {
            return WaitingStandard.valueOf(name).label();
        }
        catch (IllegalArgumentException e) {
            return name;
        }
    }
}
