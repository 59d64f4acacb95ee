package org.synovia.planning;

import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;

import org.synovia.scheduling.OperatorGrade;
import org.synovia.shared.Guidance;

/**
 * One free slot the plan may fill.
 *
 * @param operatorGuidance the guidance its operator is competent in
 * @param operatorSiteCodes the sites its operator may inject; empty means every site their guidance allows
 * @param followingSlotId for a one-stop clinic slot, the free slot straight after it in the same room (the
 *        consultation then the injection), or null
 */
public record OpenSlot(UUID slotId, UUID sessionId, UUID roomId, String roomName, Set<Guidance> roomGuidance,
        UUID operatorId, String operatorName, OperatorGrade operatorGrade, Set<Guidance> operatorGuidance,
        Set<String> operatorSiteCodes, LocalDateTime start, int minutes, boolean oneStop, UUID followingSlotId) {

    public OpenSlot {
        roomGuidance = Set.copyOf(roomGuidance);
        operatorGuidance = Set.copyOf(operatorGuidance);
        operatorSiteCodes = operatorSiteCodes == null ? Set.of() : Set.copyOf(operatorSiteCodes);
    }

    /** The operator may inject this site under this guidance (same rule as {@code Operator.competentFor}). */
    public boolean operatorCompetentFor(Guidance guidance, String siteCode) {
        return operatorGuidance.contains(guidance) && (operatorSiteCodes.isEmpty() || operatorSiteCodes.contains(siteCode));
    }
}
