package org.synovia.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a walk along the audit trail's hash chains found (ADR 0049, 0088).
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
     * @param eventId the audit row concerned, or null
     * @param problem what is wrong, in the verifier's words ("content altered", "row not chained" …)
     */
    public record Problem(Integer chain, Long position, Long eventId, String problem) {

        public Problem {
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public String toString() {
            return problem + (position == null ? "" : " at link " + position) + (chain == null ? "" : " of chain " + chain)
                    + (eventId == null ? "" : ", audit row " + eventId);
        }
    }
}
