package org.synovia.patient;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.shared.CurrentUser;

/**
 * Registers, finds and searches patients. Every read and write is written to the audit trail in
 * the same transaction.
 */
@Service
public class Patients {

    static final String RECORD_TYPE = "Patient";
    private static final int SEARCH_LIMIT = 50;

    private final PatientRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    Patients(PatientRepository repository, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Registers a patient unless the NHS or hospital number is already known (returns that record)
     * or, without {@code confirmedNotDuplicate}, someone with the same name and date of birth exists.
     */
    @Transactional
    public Registration register(NewPatient details, boolean confirmedNotDuplicate) {
        details.validated(LocalDate.now(clock));
        Optional<Registration> known = alreadyRegistered(details);
        if (known.isPresent()) {
            return known.get();
        }
        if (!confirmedNotDuplicate) {
            List<Patient> sameNameAndBirth = repository.findByNameAndDateOfBirth(details.familyName(), details.givenName(),
                    details.dateOfBirth());
            if (!sameNameAndBirth.isEmpty()) {
                sameNameAndBirth.forEach(p -> audit.record(AuditAction.READ, RECORD_TYPE, p.id(), p.id().value(),
                        "shown as possible duplicate"));
                return new Registration.PossibleDuplicates(sameNameAndBirth);
            }
        }
        Patient patient = new Patient(PatientId.random(), details.nhsNumber() == null ? null : new NhsNumber(details.nhsNumber()),
                details.hospitalNumber(), details.familyName(), details.givenName(), details.dateOfBirth(), details.sex(),
                details.mobile(), details.email(), details.gpName(), details.gpPractice(), details.address(), clock.instant());
        repository.insert(patient, CurrentUser.username());
        audit.record(AuditAction.CREATE, RECORD_TYPE, patient.id(), patient.id().value(),
                confirmedNotDuplicate ? "registered; user confirmed not a duplicate" : "registered");
        return new Registration.Registered(patient);
    }

    /**
     * Replaces a registered patient's demographics (name, birth date, sex, contacts, GP, address) with those a
     * hospital system sent; the identifiers stay. Validated like a registration; the change is audited.
     */
    @Transactional
    public Patient updateDemographics(PatientId id, NewPatient details, String source) {
        details.validated(LocalDate.now(clock));
        Patient before = repository.find(id).orElseThrow(() -> new org.synovia.shared.InvalidInputException("patientId",
                "This patient is not registered."));
        repository.updateDemographics(id, details);
        Patient after = repository.find(id).orElseThrow();
        audit.record(AuditAction.UPDATE, RECORD_TYPE, id, id.value(), "demographics from " + source + "; was "
                + before.displayName() + ", born " + before.dateOfBirth() + ", " + before.sex()
                + (java.util.Objects.equals(before.address(), after.address()) ? ""
                        : "; postal address was " + described(before.address())));
        return after;
    }

    /**
     * Records the patient's postal address, or that none is known ({@code address} null); the audit entry holds the
     * address before and after, as a letter posted to the wrong home discloses the patient's care (HAZ-128).
     */
    @Transactional
    public Patient changeAddress(PatientId id, PostalAddress address) {
        Patient before = repository.find(id).orElseThrow(() -> new org.synovia.shared.InvalidInputException("patientId",
                "This patient is not registered."));
        repository.updateAddress(id, address);
        audit.record(AuditAction.UPDATE, RECORD_TYPE, id, id.value(), "postal address: was " + described(before.address())
                + "; now " + described(address));
        return repository.find(id).orElseThrow();
    }

    private static String described(PostalAddress address) {
        return address == null ? "none recorded" : address.oneLine();
    }

    @Transactional
    public Optional<Patient> find(PatientId id) {
        Optional<Patient> patient = repository.find(id);
        patient.ifPresent(p -> audit.record(AuditAction.READ, RECORD_TYPE, p.id(), p.id().value(), null));
        return patient;
    }

    /** These patients keyed by id, read and audited as one list (a page that shows many, such as the day list). */
    @Transactional
    public java.util.Map<PatientId, Patient> findAll(java.util.Collection<PatientId> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<PatientId, Patient> found = findAllAuditedByCaller(ids);
        audit.recordPerPatient(AuditAction.LIST, RECORD_TYPE, found.keySet(), PatientId::value, PatientId::value,
                "patients read for a list");
        return found;
    }

    /**
     * As {@link #findAll}, not audited here: the caller records one line per patient for everything its page read
     * ({@link AuditTrail#recordPerPatient}) in the same transaction, which is therefore required.
     */
    @org.synovia.audit.AuditedByCaller
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public java.util.Map<PatientId, Patient> findAllAuditedByCaller(java.util.Collection<PatientId> ids) {
        java.util.Map<PatientId, Patient> found = new java.util.LinkedHashMap<>();
        if (!ids.isEmpty()) {
            repository.findAll(ids.stream().map(PatientId::value).distinct().toList()).forEach(p -> found.put(p.id(), p));
        }
        return found;
    }

    @Transactional
    public List<Patient> search(PatientSearch search) {
        if (search.isEmpty()) {
            return List.of();
        }
        List<Patient> found = repository.search(search, SEARCH_LIMIT);
        audit.recordPerPatient(AuditAction.SEARCH, RECORD_TYPE, found, p -> p.id().value(), p -> p.id().value(),
                "query '" + search.text() + "'" + (search.dateOfBirth() == null ? "" : " born " + search.dateOfBirth()));
        return found;
    }

    private Optional<Registration> alreadyRegistered(NewPatient details) {
        if (details.nhsNumber() != null) {
            NhsNumber nhsNumber = new NhsNumber(details.nhsNumber());
            Optional<Patient> existing = repository.findByNhsNumber(nhsNumber);
            if (existing.isPresent()) {
                audit.record(AuditAction.READ, RECORD_TYPE, existing.get().id(), existing.get().id().value(),
                        "matched on NHS number at registration");
                return Optional.of(new Registration.AlreadyRegistered(existing.get(), "NHS number " + nhsNumber.formatted()));
            }
        }
        if (details.hospitalNumber() != null) {
            Optional<Patient> existing = repository.findByHospitalNumber(details.hospitalNumber());
            if (existing.isPresent()) {
                audit.record(AuditAction.READ, RECORD_TYPE, existing.get().id(), existing.get().id().value(),
                        "matched on hospital number at registration");
                return Optional.of(new Registration.AlreadyRegistered(existing.get(), "hospital number " + details.hospitalNumber()));
            }
        }
        return Optional.empty();
    }
}
