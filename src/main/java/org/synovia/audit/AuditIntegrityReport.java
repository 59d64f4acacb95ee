package org.synovia.audit;

import java.time.Instant;
import java.util.List;

/**
 * What a walk along the audit trail's hash chain found (ADR 0049).
 *
 * @param checkedAt when the walk was made
 * @param links how many links the chain has
 * @param checkpoints how many signed checkpoints were checked
 * @param problems every problem, the first broken link first; empty when the trail is whole
 */
public record AuditIntegrityReport(Instant checkedAt, long links, int checkpoints, List<Problem> problems) {

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
     * One problem.
     *
     * @param position the link's position in the chain, or null for a row that has no link
     * @param eventId the audit row concerned, or null
     * @param problem what is wrong, in the verifier's words ("content altered", "row not chained" …)
     */
    public record Problem(Long position, Long eventId, String problem) {

        @Override
        public String toString() {
            return problem + (position == null ? "" : " at link " + position) + (eventId == null ? "" : ", audit row " + eventId);
        }
    }
}
