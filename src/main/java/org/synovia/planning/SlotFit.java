package org.synovia.planning;

import java.time.LocalDate;

import org.synovia.scheduling.OperatorGrade;

/**
 * Whether one free slot could take one patient on its own, by the same tests booking applies to a slot search:
 * guidance in the room and of the operator, competence for every site, grade or named operator, length, the
 * patient's window and days away, and a free following slot for a one-stop visit. Used to pick the alternatives a
 * booking link offers; the safety engine still decides at the start when the patient books.
 */
final class SlotFit {

    private SlotFit() {
    }

    static boolean suits(WaitingPatient patient, OpenSlot slot, PlanningProblem problem) {
        LocalDate day = slot.start().toLocalDate();
        boolean competent = slot.roomGuidance().contains(patient.guidance())
                && patient.siteCodes().stream().allMatch(site -> slot.operatorCompetentFor(patient.guidance(), site));
        boolean operator = patient.namedOperatorId() != null ? patient.namedOperatorId().equals(slot.operatorId())
                : patient.operatorGrade() == null || slot.operatorGrade() == OperatorGrade.CONSULTANT
                        || slot.operatorGrade().name().equals(patient.operatorGrade());
        boolean window = !day.isBefore(patient.earliest()) && (patient.latest() == null || !day.isAfter(patient.latest()))
                && !patient.awayOn(day);
        boolean oneStop = !(patient.oneStop() && slot.oneStop()) || slot.followingSlotId() != null;
        return competent && operator && slot.minutes() >= patient.minutes() && window && oneStop;
    }
}
