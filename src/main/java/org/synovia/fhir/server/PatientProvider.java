package org.synovia.fhir.server;

import java.util.List;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;
import org.synovia.patient.NhsNumber;
import org.synovia.patient.PatientId;
import org.synovia.patient.PatientSearch;
import org.synovia.patient.Patients;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

/** Patients: read, and search by NHS number, name and birth date (the patient module's search). */
@Component
class PatientProvider implements IResourceProvider {

    private final Patients patients;
    private final CallAudit calls;

    PatientProvider(Patients patients, CallAudit calls) {
        this.patients = patients;
        this.calls = calls;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id, RequestDetails call) {
        return calls.reading(call, () -> patients.find(new PatientId(Fhir.uuid(id))).map(PatientProvider::toFhir))
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<Patient> search(@OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = Patient.SP_NAME) StringParam name,
            @OptionalParam(name = Patient.SP_BIRTHDATE) DateParam birthDate, RequestDetails call) {
        String text;
        if (identifier != null) {
            if (identifier.getSystem() != null && !Fhir.NHS_NUMBER.equals(identifier.getSystem())) {
                throw new InvalidRequestException("Search patients by identifier " + Fhir.NHS_NUMBER + "|<NHS number>.");
            }
            if (!NhsNumber.isValid(identifier.getValue())) {
                throw new InvalidRequestException("identifier: '" + identifier.getValue()
                        + "' is not a valid NHS number (10 digits, the last a modulus-11 check digit).");
            }
            text = identifier.getValue();
        }
        else {
            text = name == null ? null : name.getValue();
        }
        PatientSearch search = new PatientSearch(text, birthDate == null ? null : day(birthDate));
        if (search.isEmpty()) {
            throw new InvalidRequestException("Search patients by identifier (NHS number), name or birthdate.");
        }
        return calls.reading(call, () -> patients.search(search).stream().map(PatientProvider::toFhir).toList());
    }

    /** A birth date is searched as one exact day: {@code birthdate=1950-03-01}, optionally with the prefix eq. */
    private static java.time.LocalDate day(DateParam birthDate) {
        String given = birthDate.getValueAsString();
        if (birthDate.getPrefix() != null && birthDate.getPrefix() != ca.uhn.fhir.rest.param.ParamPrefixEnum.EQUAL) {
            throw new InvalidRequestException("birthdate: search by one exact day, such as birthdate=1950-03-01; "
                    + "ranges (gt, lt, ge, le) are not supported.");
        }
        if (given == null || birthDate.getPrecision() != ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY) {
            throw new InvalidRequestException("birthdate: '" + (given == null ? "" : given) + "' is not a whole day; give "
                    + "the year, month and day, such as birthdate=1950-03-01.");
        }
        return java.time.LocalDate.parse(given);
    }

    static Patient toFhir(org.synovia.patient.Patient p) {
        Patient patient = new Patient();
        patient.setId(p.id().value().toString());
        if (p.nhsNumber() != null) {
            patient.addIdentifier().setSystem(Fhir.NHS_NUMBER).setValue(p.nhsNumber().value());
        }
        if (p.hospitalNumber() != null) {
            patient.addIdentifier().setSystem(Fhir.HOSPITAL_NUMBER).setValue(p.hospitalNumber());
        }
        patient.addName().setFamily(p.familyName()).addGiven(p.givenName());
        patient.setBirthDate(Fhir.date(p.dateOfBirth()));
        patient.setGender(switch (p.sex()) {
            case FEMALE -> AdministrativeGender.FEMALE;
            case MALE -> AdministrativeGender.MALE;
            case INDETERMINATE -> AdministrativeGender.OTHER;
            case NOT_KNOWN -> AdministrativeGender.UNKNOWN;
        });
        if (p.mobile() != null && !p.mobile().isBlank()) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.MOBILE)
                    .setValue(p.mobile());
        }
        if (p.email() != null && !p.email().isBlank()) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(p.email());
        }
        if (p.address() != null) {
            // Home and postal: where letters go. No address recorded means none is sent, not an empty one.
            Address address = patient.addAddress().setUse(Address.AddressUse.HOME).setType(Address.AddressType.POSTAL)
                    .setCity(p.address().town()).setPostalCode(p.address().postcode());
            p.address().lines().forEach(address::addLine);
        }
        if (p.gpName() != null && !p.gpName().isBlank() || p.gpPractice() != null && !p.gpPractice().isBlank()) {
            patient.addGeneralPractitioner().setDisplay(String.join(", ",
                    java.util.stream.Stream.of(p.gpName(), p.gpPractice()).filter(s -> s != null && !s.isBlank()).toList()));
        }
        return patient;
    }
}
