package org.synovia.audit;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who the usernames and patient ids of the trail are, for people reading it: staff by their full name, patients by
 * their NHS number. The trail stores ids only; the modules that own people answer through this (module
 * {@code account} for staff, {@code patient} for patients), since both depend on the trail and it may not depend on
 * them. Each answer is one read whatever the number asked.
 */
public interface AuditDirectory {

    /** Full names of these usernames; a username that is no account (a refused sign-in's guess) is absent. */
    default Map<String, String> staffNames(Collection<String> usernames) {
        return Map.of();
    }

    /** Formatted NHS numbers of these patients; a patient without one is absent. */
    default Map<UUID, String> nhsNumbers(Collection<UUID> patientIds) {
        return Map.of();
    }

    /**
     * The patient with this NHS number as typed, if any; empty when this directory does not know patients or no
     * patient has it. A directory that knows patients refuses a number that is none with
     * {@link org.synovia.shared.InvalidInputException}.
     */
    default Optional<UUID> patientWithNhsNumber(String nhsNumber) {
        return Optional.empty();
    }
}
