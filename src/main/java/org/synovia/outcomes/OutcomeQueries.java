package org.synovia.outcomes;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.synovia.outcomes.OutcomeReport.Breaches;
import org.synovia.outcomes.OutcomeReport.Rates;
import org.synovia.outcomes.OutcomeReport.Stage;
import org.synovia.outcomes.OutcomeReport.Volume;

/**
 * The analytics as three aggregate queries over {@code outcome_fact}, each one pass over the period's rows
 * with grouping sets: counts and rates, relief times per group, and waiting days per stage. Only counts leave
 * the database; curves and percentiles are computed here from them.
 */
@Repository
class OutcomeQueries {

    private final JdbcClient jdbc;

    OutcomeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String where(OutcomeFilter f) {
        return " where procedure_date between :from and :to" + (f.site() == null ? "" : " and site_code = :site")
                + (f.guidance() == null ? "" : " and guidance = :guidance") + " ";
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, OutcomeFilter f) {
        spec = spec.param("from", Date.valueOf(f.from())).param("to", Date.valueOf(f.to()));
        if (f.site() != null) {
            spec = spec.param("site", f.site());
        }
        return f.guidance() == null ? spec : spec.param("guidance", f.guidance());
    }

    /** Counts by site, drug, guidance, operator, waiting standard and month, and overall, in one pass. */
    Counts counts(OutcomeFilter f) {
        Counts counts = new Counts();
        bind(jdbc.sql("""
                select grouping(site_code) = 0 as by_site, grouping(drug) = 0 as by_drug, grouping(guidance) = 0 as by_guidance,
                       grouping(operator) = 0 as by_operator, grouping(waiting_standard) = 0 as by_standard,
                       grouping(date_trunc('month', procedure_date)) = 0 as by_month,
                       site_code, drug, guidance, operator, waiting_standard,
                       to_char(date_trunc('month', procedure_date), 'YYYY-MM') as month,
                       count(*) as n, count(responder_6w) as t_read, count(*) filter (where responder_6w) as t_yes,
                       count(diagnostic_positive) as d_read, count(*) filter (where diagnostic_positive) as d_yes,
                       count(*) filter (where complication) as complications, count(*) filter (where red_flags > 0) as flagged,
                       count(diary_last_entry_at) as diaries, count(*) filter (where breached) as breached
                from outcome_fact""" + where(f) + """
                 group by grouping sets ((site_code), (drug), (guidance), (operator), (waiting_standard),
                                         (date_trunc('month', procedure_date)), ())"""), f).query(rs -> {
            Rates rates = new Rates(null, null, rs.getLong("n"), rs.getLong("t_read"), rs.getLong("t_yes"),
                    rs.getLong("d_read"), rs.getLong("d_yes"), rs.getLong("complications"), rs.getLong("flagged"),
                    rs.getLong("diaries"));
            if (rs.getBoolean("by_site")) {
                counts.bySite.put(rs.getString("site_code"), rates);
            }
            else if (rs.getBoolean("by_drug")) {
                counts.byDrug.put(rs.getString("drug"), rates);
            }
            else if (rs.getBoolean("by_guidance")) {
                counts.byGuidance.put(rs.getString("guidance"), rates);
            }
            else if (rs.getBoolean("by_operator")) {
                counts.byOperator.put(rs.getString("operator"), rates.procedures());
            }
            else if (rs.getBoolean("by_standard")) {
                if (rs.getString("waiting_standard") != null) {
                    counts.breaches.add(new Breaches(rs.getString("waiting_standard"), rates.procedures(), rs.getLong("breached")));
                }
            }
            else if (rs.getBoolean("by_month")) {
                counts.byMonth.put(rs.getString("month"), rates.procedures());
            }
            else {
                counts.all = rates;
            }
        });
        return counts;
    }

    static final class Counts {
        final Map<String, Rates> bySite = new LinkedHashMap<>();
        final Map<String, Rates> byDrug = new LinkedHashMap<>();
        final Map<String, Rates> byGuidance = new LinkedHashMap<>();
        final Map<String, Long> byOperator = new LinkedHashMap<>();
        final Map<String, Long> byMonth = new TreeMap<>();
        final List<Breaches> breaches = new ArrayList<>();
        Rates all = new Rates(null, null, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Days of relief with their censoring, counted per (group, days, censored) for therapeutic procedures with a
     * read diary: keyed "site:CODE", "drug:NAME", "guidance:NAME" and "all".
     */
    Map<String, List<KaplanMeier.Count>> reliefCounts(OutcomeFilter f) {
        Map<String, List<KaplanMeier.Count>> groups = new LinkedHashMap<>();
        bind(jdbc.sql("""
                select case when grouping(site_code) = 0 then 'site:' || site_code
                            when grouping(drug) = 0 then 'drug:' || drug
                            when grouping(guidance) = 0 then 'guidance:' || guidance else 'all' end as grp,
                       relief_days, count(*) filter (where not relief_censored) as events,
                       count(*) filter (where relief_censored) as censored
                from outcome_fact""" + where(f) + """
                 and intent = 'THERAPEUTIC' and relief_days is not null
                group by grouping sets ((site_code, relief_days), (drug, relief_days), (guidance, relief_days), (relief_days))"""),
                f).query(rs -> {
                    groups.computeIfAbsent(rs.getString("grp"), g -> new ArrayList<>())
                            .add(new KaplanMeier.Count(rs.getInt("relief_days"), rs.getInt("events"), rs.getInt("censored")));
                });
        return groups;
    }

    /** Whole days between the steps of the pathway, as a distribution per stage, then its median, 90th centile and mean. */
    List<Stage> waiting(OutcomeFilter f) {
        Map<String, TreeMap<Integer, Long>> histograms = new LinkedHashMap<>();
        for (String stage : List.of("1", "2", "3", "4")) {
            histograms.put(stage, new TreeMap<>());
        }
        bind(jdbc.sql("""
                select grouping(days_to_vetting) = 0 as s1, grouping(days_vetting_to_booking) = 0 as s2,
                       grouping(days_booking_to_procedure) = 0 as s3, days_to_vetting, days_vetting_to_booking,
                       days_booking_to_procedure, days_referral_to_procedure, count(*) as n
                from outcome_fact""" + where(f) + """
                 group by grouping sets ((days_to_vetting), (days_vetting_to_booking), (days_booking_to_procedure),
                                         (days_referral_to_procedure))"""), f)
                .query(rs -> {
                    String stage = rs.getBoolean("s1") ? "1" : rs.getBoolean("s2") ? "2" : rs.getBoolean("s3") ? "3" : "4";
                    Integer days = rs.getObject(COLUMNS.get(stage), Integer.class);
                    if (days != null) {
                        histograms.get(stage).merge(days, rs.getLong("n"), Long::sum);
                    }
                });
        List<Stage> stages = new ArrayList<>();
        histograms.forEach((stage, histogram) -> stages.add(stage(STAGES.get(stage), histogram)));
        return stages;
    }

    private static final Map<String, String> COLUMNS = Map.of("1", "days_to_vetting", "2", "days_vetting_to_booking",
            "3", "days_booking_to_procedure", "4", "days_referral_to_procedure");

    private static final Map<String, String> STAGES = Map.of("1", "Referral received → vetted", "2", "Vetted → booked",
            "3", "Booked → procedure", "4", "Referral received → procedure");

    /** The median and 90th centile by the nearest-rank rule, and the mean, of a distribution of whole days. */
    static Stage stage(String label, TreeMap<Integer, Long> histogram) {
        long n = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return new Stage(label, 0, null, null, null);
        }
        double sum = 0;
        for (var e : histogram.entrySet()) {
            sum += (double) e.getKey() * e.getValue();
        }
        return new Stage(label, n, (double) nearestRank(histogram, n, 0.5), (double) nearestRank(histogram, n, 0.9), sum / n);
    }

    /** The smallest value with at least {@code p·n} values at or below it (nearest rank). */
    static int nearestRank(TreeMap<Integer, Long> histogram, long n, double p) {
        long rank = (long) Math.ceil(p * n);
        long seen = 0;
        for (var e : histogram.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return histogram.lastKey();
    }

    static <T> List<T> sortedByCount(Map<String, Long> counts, Function<Map.Entry<String, Long>, T> mapper) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey())).map(mapper).toList();
    }

    static List<Volume> volumes(Map<String, Long> counts, Function<String, String> label) {
        return sortedByCount(counts, e -> new Volume(e.getKey(), label.apply(e.getKey()), e.getValue()));
    }
}
