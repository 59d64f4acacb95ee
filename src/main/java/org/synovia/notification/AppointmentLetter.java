package org.synovia.notification;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.synovia.patient.PostalAddress;
import org.synovia.shared.Guidance;

/**
 * What the appointment letter says, worked out for the booked start: the medication plan comes from
 * the safety engine asked again for that start, never from an earlier answer (HAZ-18).
 *
 * @param address where the letter is posted, in the envelope's window; null when none is recorded
 * @param medicines the dated medication instructions, one per blood thinner
 * @param otherInstructions the engine's other instructions to the patient (e.g. diabetes)
 * @param spinal an injection is in the spine (adds the warning signs of a bleed near the nerves)
 * @param targets every target of the session, the main one first, as the patient reads it
 */
public record AppointmentLetter(UUID appointmentId, UUID patientId, String patientName, String nhsNumber,
        LocalDate dateOfBirth, String email, PostalAddress address, LocalDateTime start, long minutes, String roomName, String location,
        String operatorName, String procedure, Guidance guidance, boolean steroid, boolean diabetic, boolean onInsulin,
        boolean spinal, List<String> medicines, List<String> otherInstructions, LocalDate written,
        List<String> targets) {

    public AppointmentLetter {
        targets = List.copyOf(targets);
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
