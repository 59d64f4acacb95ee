package org.synovia.fhir.server;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.UUID;

import org.hl7.fhir.r4.model.IdType;

import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

/** Code systems, identifier systems and small conversions shared by the resource providers. */
final class Fhir {

    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    static final String BASE = "https://synovia.org/fhir";
    static final String HOSPITAL_NUMBER = BASE + "/Id/hospital-number";
    static final String REFERRAL_ID = BASE + "/Id/referral";
    static final String INJECTION_SITE = BASE + "/CodeSystem/injection-site";
    static final String REFERRAL_STATUS = BASE + "/CodeSystem/referral-status";
    static final String INDICATION = BASE + "/CodeSystem/indication";
    static final String REQUESTED_INJECTATE = BASE + "/CodeSystem/requested-injectate";
    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";

    private Fhir() {
    }

    /** Our ids are UUIDs; anything else cannot name one of our resources. */
    static UUID uuid(IdType id) {
        return uuid(id.getIdPart(), id.getResourceType());
    }

    static UUID uuid(String id, String type) {
        try {
            return UUID.fromString(id);
        }
        catch (IllegalArgumentException | NullPointerException e) {
            throw new ResourceNotFoundException(type + "/" + id + " is not known.");
        }
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Date date(LocalDate day) {
        return day == null ? null : java.sql.Date.valueOf(day);
    }

    /** A day in an element typed dateTime, kept to day precision (an expiry, a planning horizon). */
    static org.hl7.fhir.r4.model.DateTimeType day(LocalDate day) {
        return day == null ? null : new org.hl7.fhir.r4.model.DateTimeType(day.toString());
    }

    /** The instant a date-range search starts at (inclusive), or null when open. */
    static Instant from(DateRangeParam range) {
        return range == null || range.getLowerBoundAsInstant() == null ? null : range.getLowerBoundAsInstant().toInstant();
    }

    /** The instant a date-range search ends at (exclusive), or null when open; a day includes all of that day. */
    static Instant until(DateRangeParam range) {
        return range == null || range.getUpperBoundAsInstant() == null ? null
                : range.getUpperBoundAsInstant().toInstant().plusMillis(1);
    }
}
