package org.synovia.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a walk along the audit trail's hash chains found (ADR 0049, 0088, 0112).
 *
 * @param checkedAt when the walk was made
 * @param chains how many chains were walked
 * @param links how many links the chains have together
 * @param checkpoints how many signed checkpoints were checked
 * @param problems every problem, chain by chain, each chain's first broken link first; empty when the trail is whole
 */
public record AuditIntegrityReport(Instant checkedAt, int chains, long links, int checkpoints, List<Problem> problems) {

    public AuditIntegrityReport {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }

    /** Whether a problem lies in a link of several rows (ADR 0112): the changed row is then one of those it names. */
    public boolean inALinkOfSeveralRows() {
        return problems.stream().anyMatch(Problem::coversSeveralRows);
    }

    /** The first broken link: where to start looking. */
    public Problem firstProblem() {
        return problems.isEmpty() ? null : problems.getFirst();
    }

    /**
     * Where to start looking in each chain: the first problem of every chain that has one, in the order of the chains,
     * then the first problem that belongs to no chain (a row in none).
     */
    public List<Problem> firstProblemPerChain() {
        Map<Integer, Problem> first = new LinkedHashMap<>();
        Problem unchained = null;
        for (Problem problem : problems) {
            if (problem.chain() != null) {
                first.putIfAbsent(problem.chain(), problem);
            } else if (unchained == null) {
                unchained = problem;
            }
        }
        List<Problem> firsts = new ArrayList<>(first.values());
        if (unchained != null) {
            firsts.add(unchained);
        }
        return firsts;
    }

    /**
     * One problem.
     *
     * @param chain the chain it is in, or null for a row that is in none
     * @param position the link's position in its chain, or null for a row that has no link
     * @param eventId the audit row concerned, or null (a change in a link of several rows names no single row)
     * @param problem what is wrong, in the verifier's words ("content altered", "row not chained" …)
     * @param linkRows the audit rows the link covers, in id order: one row for links written one per row, every row of
     *        its transaction since ADR 0112; empty when the problem concerns no link
     */
    public record Problem(Integer chain, Long position, Long eventId, String problem, List<Long> linkRows) {

        /** Rows a problem's text names one by one; beyond them it names the first and last and how many. */
        private static final int NAMED_RUNS = 12;

        public Problem {
            Objects.requireNonNull(problem, "problem");
            linkRows = linkRows == null ? List.of() : List.copyOf(linkRows);
        }

        public Problem(Integer chain, Long position, Long eventId, String problem) {
            this(chain, position, eventId, problem, List.of());
        }

        /** Whether the link covers several rows, so that a change in one of them is not told apart from the others. */
        public boolean coversSeveralRows() {
            return linkRows.size() > 1;
        }

        /**
         * The rows the link covers, as runs of consecutive ids ("41–60, 62, 64–90"); a transaction's rows are not
         * always consecutive, since other transactions take ids at the same time.
         */
        public String linkRowRuns() {
            List<String> runs = new ArrayList<>();
            int i = 0;
            while (i < linkRows.size()) {
                int end = i;
                while (end + 1 < linkRows.size() && linkRows.get(end + 1) == linkRows.get(end) + 1) {
                    end++;
                }
                runs.add(end == i ? String.valueOf(linkRows.get(i)) : linkRows.get(i) + "–" + linkRows.get(end));
                i = end + 1;
            }
            if (runs.size() > NAMED_RUNS) {
                return String.join(", ", runs.subList(0, NAMED_RUNS)) + " … " + linkRows.getLast();
            }
            return String.join(", ", runs);
        }

        @Override
        public String toString() {
            return problem + (position == null ? "" : " at link " + position) + (chain == null ? "" : " of chain " + chain)
                    + (eventId == null ? "" : ", audit row " + eventId)
                    + (coversSeveralRows() ? " (the link covers the " + linkRows.size() + " rows of one transaction: "
                            + linkRowRuns() + ")" : "");
        }
    }
}
