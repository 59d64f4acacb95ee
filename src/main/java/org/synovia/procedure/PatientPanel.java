package org.synovia.procedure;

import java.time.LocalDate;
import java.util.List;

import org.synovia.patient.Patient;
import org.synovia.referral.ReferralDetails;

/**
 * What the team must have in view at every step of the visit (NatSSIPs NS-03 and NS-04: identity, allergies and the
 * patient-specific safety concerns): the identifiers check-in compares, the allergies as referred, and the safety
 * engine's answer at the booked start, each finding with the guideline it rests on.
 *
 * @param allergies one line per allergy with agent and reaction; "No known allergies" when the referrer said so;
 *        empty when the referral does not say (unknown is not none: the page asks the team to ask)
 * @param alerts what to confirm and every STOP or WARN, each finding followed by its source; empty when the engine
 *        raises nothing
 */
public record PatientPanel(String name, LocalDate dateOfBirth, int age, String nhsNumber, String hospitalNumber,
        List<String> allergies, boolean allergiesKnown, List<String> alerts) {

    public PatientPanel {
        allergies = List.copyOf(allergies);
        alerts = List.copyOf(alerts);
    }

    /** The panel of the patient on {@code day}: the allergies as referred, an unsaid answer left unknown. */
    static PatientPanel of(Patient patient, ReferralDetails details, LocalDate day, List<String> alerts) {
        List<String> allergies = details.allergies().stream().map(a -> (a.agent() == null ? a.category().label() : a.agent())
                + (a.reaction() == null ? "" : ": " + a.reaction())).toList();
        boolean known = !allergies.isEmpty() || details.noKnownAllergies();
        return new PatientPanel(patient.displayName(), patient.dateOfBirth(), patient.ageOn(day),
                patient.nhsNumber() == null ? null : patient.nhsNumber().formatted(), patient.hospitalNumber(),
                allergies.isEmpty() && details.noKnownAllergies() ? List.of("No known allergies") : allergies, known, alerts);
    }
}
