package org.synovia.notification;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.synovia.shared.Guidance;

/**
 * What the appointment letter says, worked out for the booked start: the medication plan comes from
 * the safety engine asked again for that start, never from an earlier answer (HAZ-18).
 *
 * @param medicines the dated medication instructions, one per blood thinner
 * @param otherInstructions the engine's other instructions to the patient (e.g. diabetes)
 * @param spinal the injection is in the spine (adds the warning signs of a bleed near the nerves)
 */
public record AppointmentLetter(UUID appointmentId, UUID patientId, String patientName, String nhsNumber,
        LocalDate dateOfBirth, String email, LocalDateTime start, long minutes, String roomName, String location,
        String operatorName, String procedure, Guidance guidance, boolean steroid, boolean diabetic, boolean onInsulin,
        boolean spinal, List<String> medicines, List<String> otherInstructions, LocalDate written) {

    public AppointmentLetter {
        medicines = List.copyOf(medicines);
        otherInstructions = List.copyOf(otherInstructions);
    }

    public LocalDateTime arriveBy() {
        return start.minusMinutes(15);
    }

    public boolean ionising() {
        return guidance.ionising();
    }
}
