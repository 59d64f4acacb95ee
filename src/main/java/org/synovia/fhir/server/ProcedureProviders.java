package org.synovia.fhir.server;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import org.synovia.fhir.server.SignedProcedures.Signed;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

/**
 * Procedure, MedicationAdministration, Observation and DiagnosticReport: read by id and search by patient. Each
 * id starts with the appointment's id, so a read finds the signed record first and then the resource in it.
 */
final class ProcedureProviders {

    private static final int UUID_LENGTH = 36;

    private ProcedureProviders() {
    }

    /** The resources of one type that a signed record gives, read and searched alike. */
    abstract static class Derived<T extends Resource> implements IResourceProvider {

        final SignedProcedures signed;
        final ProcedureResources resources;
        final CallAudit calls;

        Derived(SignedProcedures signed, ProcedureResources resources, CallAudit calls) {
            this.signed = signed;
            this.resources = resources;
            this.calls = calls;
        }

        abstract Stream<T> of(Signed s);

        T find(IdType id, RequestDetails call) {
            return calls.reading(call, () -> find(id));
        }

        private T find(IdType id) {
            String text = id.getIdPart();
            String type = id.getResourceType() == null ? getResourceType().getSimpleName() : id.getResourceType();
            if (text == null || text.length() < UUID_LENGTH) {
                throw new ResourceNotFoundException(id);
            }
            Signed s = signed.get(text.substring(0, UUID_LENGTH), type);
            return of(s).filter(r -> r.getIdElement().getIdPart().equals(text)).findFirst()
                    .orElseThrow(() -> new ResourceNotFoundException(id));
        }

        List<T> forPatient(ReferenceParam patient, ReferenceParam subject, RequestDetails call) {
            ReferenceParam who = patient != null ? patient : subject;
            if (who == null) {
                throw new InvalidRequestException("Search by patient.");
            }
            UUID patientId = Fhir.uuid(who.getIdPart(), "Patient");
            return calls.reading(call, () -> signed.ofPatient(patientId).stream().flatMap(this::of).toList());
        }
    }

    @Component
    static class ProcedureProvider extends Derived<Procedure> {

        ProcedureProvider(SignedProcedures signed, ProcedureResources resources, CallAudit calls) {
            super(signed, resources, calls);
        }

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return Procedure.class;
        }

        @Override
        Stream<Procedure> of(Signed s) {
            return Stream.of(resources.procedure(s));
        }

        @Read
        public Procedure read(@IdParam IdType id, RequestDetails call) {
            return find(id, call);
        }

        @Search
        public List<Procedure> search(@OptionalParam(name = Procedure.SP_PATIENT) ReferenceParam patient,
                @OptionalParam(name = Procedure.SP_SUBJECT) ReferenceParam subject, RequestDetails call) {
            return forPatient(patient, subject, call);
        }
    }

    @Component
    static class MedicationAdministrationProvider extends Derived<MedicationAdministration> {

        MedicationAdministrationProvider(SignedProcedures signed, ProcedureResources resources, CallAudit calls) {
            super(signed, resources, calls);
        }

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return MedicationAdministration.class;
        }

        @Override
        Stream<MedicationAdministration> of(Signed s) {
            return resources.administrations(s).stream();
        }

        @Read
        public MedicationAdministration read(@IdParam IdType id, RequestDetails call) {
            return find(id, call);
        }

        @Search
        public List<MedicationAdministration> search(
                @OptionalParam(name = MedicationAdministration.SP_PATIENT) ReferenceParam patient,
                @OptionalParam(name = MedicationAdministration.SP_SUBJECT) ReferenceParam subject, RequestDetails call) {
            return forPatient(patient, subject, call);
        }
    }

    @Component
    static class ObservationProvider extends Derived<Observation> {

        ObservationProvider(SignedProcedures signed, ProcedureResources resources, CallAudit calls) {
            super(signed, resources, calls);
        }

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return Observation.class;
        }

        @Override
        Stream<Observation> of(Signed s) {
            return resources.observations(s).stream();
        }

        @Read
        public Observation read(@IdParam IdType id, RequestDetails call) {
            return find(id, call);
        }

        /** By patient, optionally narrowed by code (e.g. {@code http://loinc.org|72514-3} for pain scores). */
        @Search
        public List<Observation> search(@OptionalParam(name = Observation.SP_PATIENT) ReferenceParam patient,
                @OptionalParam(name = Observation.SP_SUBJECT) ReferenceParam subject,
                @OptionalParam(name = Observation.SP_CODE) TokenParam code, RequestDetails call) {
            return forPatient(patient, subject, call).stream().filter(o -> code == null || o.getCode().getCoding().stream()
                    .anyMatch(c -> c.getCode().equals(code.getValue()) && (code.getSystem() == null
                            || code.getSystem().equals(c.getSystem()))))
                    .toList();
        }
    }

    /** The patient's diary entries after a signed procedure. */
    @Component
    static class QuestionnaireResponseProvider extends Derived<QuestionnaireResponse> {

        private final DiaryResources diaryResources;

        QuestionnaireResponseProvider(SignedProcedures signed, ProcedureResources resources, DiaryResources diaryResources,
                CallAudit calls) {
            super(signed, resources, calls);
            this.diaryResources = diaryResources;
        }

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return QuestionnaireResponse.class;
        }

        @Override
        Stream<QuestionnaireResponse> of(Signed s) {
            return signed.diary(s.appointment().id()).stream().flatMap(diary -> diaryResources.entries(s, diary).stream());
        }

        @Read
        public QuestionnaireResponse read(@IdParam IdType id, RequestDetails call) {
            return find(id, call);
        }

        @Search
        public List<QuestionnaireResponse> search(@OptionalParam(name = QuestionnaireResponse.SP_PATIENT) ReferenceParam patient,
                @OptionalParam(name = QuestionnaireResponse.SP_SUBJECT) ReferenceParam subject, RequestDetails call) {
            return forPatient(patient, subject, call);
        }
    }

    @Component
    static class DiagnosticReportProvider extends Derived<DiagnosticReport> {

        private final DiaryResources diaryResources;

        DiagnosticReportProvider(SignedProcedures signed, ProcedureResources resources, DiaryResources diaryResources,
                CallAudit calls) {
            super(signed, resources, calls);
            this.diaryResources = diaryResources;
        }

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return DiagnosticReport.class;
        }

        @Override
        Stream<DiagnosticReport> of(Signed s) {
            UUID id = s.appointment().id();
            return Stream.concat(Stream.of(resources.report(s, signed.reportPdf(id))), signed.diary(id).stream()
                    .map(diary -> diaryResources.summary(s, diary, signed.diarySummaryPdf(id))));
        }

        @Read
        public DiagnosticReport read(@IdParam IdType id, RequestDetails call) {
            return find(id, call);
        }

        @Search
        public List<DiagnosticReport> search(@OptionalParam(name = DiagnosticReport.SP_PATIENT) ReferenceParam patient,
                @OptionalParam(name = DiagnosticReport.SP_SUBJECT) ReferenceParam subject, RequestDetails call) {
            return forPatient(patient, subject, call);
        }
    }
}
