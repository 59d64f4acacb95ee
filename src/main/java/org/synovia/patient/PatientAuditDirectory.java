package org.synovia.patient;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditDirectory;
import org.synovia.audit.AuditTrail;
import org.synovia.shared.InvalidInputException;

/** Patients by NHS number for people reading the audit trail; what it gives out is itself audited. */
@Component
class PatientAuditDirectory implements AuditDirectory {

    private final PatientRepository repository;
    private final AuditTrail audit;

    PatientAuditDirectory(PatientRepository repository, AuditTrail audit) {
        this.repository = repository;
        this.audit = audit;
    }

    @Override
    public Map<UUID, String> nhsNumbers(Collection<UUID> patientIds) {
        Map<UUID, String> numbers = new HashMap<>();
        repository.findAll(patientIds.stream().distinct().toList()).stream().filter(p -> p.nhsNumber() != null)
                .forEach(p -> numbers.put(p.id().value(), p.nhsNumber().formatted()));
        if (!numbers.isEmpty()) {
            audit.recordPerPatient(AuditAction.LIST, "Patient", numbers.keySet(), id -> id, id -> id,
                    "NHS numbers shown with the audit trail");
        }
        return numbers;
    }

    @Override
    public Optional<UUID> patientWithNhsNumber(String nhsNumber) {
        NhsNumber number;
        try {
            number = new NhsNumber(nhsNumber);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("nhs", e.getMessage());
        }
        return repository.findByNhsNumber(number).map(p -> p.id().value());
    }
}
