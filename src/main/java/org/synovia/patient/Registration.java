package org.synovia.patient;

import java.util.List;

/** What happened when a patient was to be registered. */
public sealed interface Registration {

    /** The patient was registered. */
    record Registered(Patient patient) implements Registration {
    }

    /** This NHS number (or hospital number) already belongs to a patient: use that record. */
    record AlreadyRegistered(Patient existing, String identifier) implements Registration {
    }

    /**
     * Patients with the same name and date of birth exist: nothing was saved; the user confirms
     * that this is a different person, or picks an existing record.
     */
    record PossibleDuplicates(List<Patient> candidates) implements Registration {
    }
}
