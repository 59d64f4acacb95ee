package org.synovia.patient;

import java.util.Objects;
import java.util.UUID;

/** Synovia's own identifier of a patient. */
public record PatientId(UUID value) {

    public PatientId {
        Objects.requireNonNull(value, "value");
    }

    public static PatientId of(String value) {
        return new PatientId(UUID.fromString(value));
    }

    public static PatientId random() {
        return new PatientId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
