package org.synovia.fhir.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestPriority;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.springframework.stereotype.Component;
import org.synovia.catalogue.Catalogue;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.ReferralId;
import org.synovia.referral.ReferralNotFoundException;
import org.synovia.referral.ReferralStatus;
import org.synovia.referral.Referrals;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.Laterality;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;

/**
 * The referral as a ServiceRequest: create (conditional on the request identifier), read, and search by patient,
 * status, authored date and identifier. Statuses map as in {@link #status(ReferralStatus)}. A create that meets an
 * existing referral answers with it only to the system that sent it, and with its body only to a client that may
 * read referrals; anyone else gets a 409 without it (ADR 0054).
 */
@Component
class ServiceRequestProvider implements IResourceProvider {

    private final Referrals referrals;
    private final ReferralIntake intake;
    private final ReferralForm form;
    private final RequestIdentifiers identifiers;
    private final Catalogue catalogue;
    private final FhirContext fhir;
    private final CallAudit calls;

    ServiceRequestProvider(Referrals referrals, ReferralIntake intake, ReferralForm form, RequestIdentifiers identifiers,
            Catalogue catalogue, FhirContext fhir, CallAudit calls) {
        this.referrals = referrals;
        this.intake = intake;
        this.form = form;
        this.identifiers = identifiers;
        this.catalogue = catalogue;
        this.fhir = fhir;
        this.calls = calls;
    }

    @Override
    public Class<ServiceRequest> getResourceType() {
        return ServiceRequest.class;
    }

    /**
     * Our statuses in FHIR request status: before the injection the referral is active (on hold while the
     * radiologist waits for an answer); done is completed; rejected and withdrawn are revoked. The exact status
     * travels as a {@code meta.tag}.
     */
    static ServiceRequestStatus status(ReferralStatus status) {
        return switch (status) {
            case SUBMITTED, IN_VETTING, ACCEPTED, WAITING, BOOKED -> ServiceRequestStatus.ACTIVE;
            case MORE_INFORMATION_REQUESTED -> ServiceRequestStatus.ONHOLD;
            case DONE -> ServiceRequestStatus.COMPLETED;
            case REJECTED, WITHDRAWN -> ServiceRequestStatus.REVOKED;
        };
    }

    @Create
    public MethodOutcome create(@ResourceParam ServiceRequest request, @ConditionalUrlParam String conditionalUrl) {
        return create(request, conditionalUrl, null);
    }

    /** A create, alone or as the one ServiceRequest of a transaction {@code bundle} whose other entries it reads. */
    MethodOutcome create(ServiceRequest request, String conditionalUrl, org.hl7.fhir.r4.model.Bundle bundle) {
        Identifier key = conditionalUrl == null ? request.getIdentifier().stream()
                .filter(i -> i.hasSystem() && i.hasValue() && !Fhir.REFERRAL_ID.equals(i.getSystem()))
                .findFirst().orElse(null) : identifierIn(conditionalUrl, request);
        if (request.getStatus() != ServiceRequestStatus.ACTIVE) {
            throw unprocessable("status", "ServiceRequest.status", "A referral is sent with status active.");
        }
        if (request.getIntent() != ServiceRequest.ServiceRequestIntent.ORDER
                && request.getIntent() != ServiceRequest.ServiceRequestIntent.ORIGINALORDER) {
            throw unprocessable("intent", "ServiceRequest.intent", "A referral is sent with intent order.");
        }
        try {
            ReferralIntake.Outcome outcome = intake.create(request, key, bundle);
            if (!outcome.created() && !outcome.referral().submittedBy().equals(CurrentUser.username())) {
                // Another system's order: neither its body nor its id is handed to a client that only sends.
                throw new ResourceVersionConflictException("ServiceRequest.identifier: another system has already sent a "
                        + "referral with this identifier. Send this order under your own system's identifier.");
            }
            MethodOutcome result = new MethodOutcome(new IdType("ServiceRequest", outcome.referral().id().toString()));
            result.setCreated(outcome.created());
            if (ScopeInterceptor.holds("ServiceRequest", 'r')) {
                result.setResource(toFhir(outcome.referral()));
            }
            return result;
        }
        catch (InvalidInputException e) {
            OperationOutcome outcome = new OperationOutcome();
            e.problems().forEach(p -> issue(outcome, p.field(), ReferralForm.expression(p.field()), p.message()));
            throw new UnprocessableEntityException(fhir, outcome);
        }
    }

    @Read
    public ServiceRequest read(@IdParam IdType id, RequestDetails call) {
        try {
            return calls.reading(call, () -> toFhir(referrals.show(new ReferralId(Fhir.uuid(id)))));
        }
        catch (ReferralNotFoundException e) {
            throw new ResourceNotFoundException(id);
        }
    }

    @Search
    public List<ServiceRequest> search(@OptionalParam(name = ServiceRequest.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = ServiceRequest.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = ServiceRequest.SP_STATUS) TokenParam status,
            @OptionalParam(name = ServiceRequest.SP_AUTHORED) DateRangeParam authored,
            @OptionalParam(name = ServiceRequest.SP_IDENTIFIER) TokenParam identifier, RequestDetails call) {
        return calls.reading(call, () -> search(patient, subject, status, authored, identifier));
    }

    private List<ServiceRequest> search(ReferenceParam patient, ReferenceParam subject, TokenParam status,
            DateRangeParam authored, TokenParam identifier) {
        if (identifier != null) {
            return identifiers.referral(identifier.getSystem(), identifier.getValue())
                    .map(id -> List.of(toFhir(referrals.show(new ReferralId(id))))).orElse(List.of());
        }
        ReferenceParam who = patient != null ? patient : subject;
        if (who == null && status == null && authored == null) {
            throw new InvalidRequestException("Search referrals by patient, status, authored or identifier.");
        }
        Set<ReferralStatus> wanted = statuses(status);
        if (wanted != null && wanted.isEmpty()) {
            return List.of(); // a FHIR status we never use (draft, entered-in-error, unknown)
        }
        List<Referral> found = referrals.search(who == null ? null : Fhir.uuid(who.getIdPart(), "Patient"), wanted,
                Fhir.from(authored), Fhir.until(authored));
        // The ordering systems' identifiers of all of them in one statement, not one per referral.
        Map<UUID, Identifier> ordered = identifiers.identifiers(found.stream().map(r -> r.id().value()).toList());
        return found.stream().map(r -> toFhir(r, Optional.ofNullable(ordered.get(r.id().value())))).toList();
    }

    ServiceRequest toFhir(Referral referral) {
        return toFhir(referral, identifiers.identifier(referral.id().value()));
    }

    private ServiceRequest toFhir(Referral referral, Optional<Identifier> orderIdentifier) {
        ReferralDetails d = referral.details();
        ServiceRequest request = new ServiceRequest();
        request.setId(referral.id().toString());
        request.getMeta().setLastUpdated(Fhir.date(referral.statusChangedAt()));
        request.getMeta().addTag(Fhir.REFERRAL_STATUS, referral.status().name(), referral.status().label());
        request.addIdentifier().setSystem(Fhir.REFERRAL_ID).setValue(referral.id().toString());
        orderIdentifier.ifPresent(request::addIdentifier);
        request.setStatus(status(referral.status()));
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setPriority(switch (d.urgency()) {
            case ROUTINE -> ServiceRequestPriority.ROUTINE;
            case SOON -> ServiceRequestPriority.URGENT;
            case URGENT -> ServiceRequestPriority.ASAP;
        });
        request.setCode(new CodeableConcept().setText("Image-guided injection: " + d.requestedInjectate().label()));
        request.getCode().addCoding().setSystem(Fhir.REQUESTED_INJECTATE).setCode(d.requestedInjectate().name())
                .setDisplay(d.requestedInjectate().label());
        request.setSubject(new Reference("Patient/" + d.patientId()));
        request.setAuthoredOn(Fhir.date(referral.submittedAt()));
        if (d.referrer() != null && d.referrer().name() != null) {
            request.setRequester(new Reference().setDisplay(d.referrer().name()
                    + (d.referrer().organisation() == null ? "" : ", " + d.referrer().organisation())));
        }
        CodeableConcept site = request.addBodySite();
        var known = catalogue.site(d.siteCode());
        site.addCoding().setSystem(Fhir.INJECTION_SITE).setCode(d.siteCode()).setDisplay(known.map(s -> s.name()).orElse(null));
        known.filter(s -> s.snomedCode() != null).ifPresent(s -> site.addCoding().setSystem(Fhir.SNOMED).setCode(s.snomedCode()));
        site.setText((d.laterality() == Laterality.NOT_APPLICABLE ? "" : d.laterality().label() + " ")
                + known.map(s -> s.name()).orElse(d.siteCode()) + (d.spinalLevel() == null ? "" : " " + d.spinalLevel()));
        CodeableConcept reason = request.addReasonCode();
        reason.addCoding().setSystem(Fhir.INDICATION).setCode(d.indication().name()).setDisplay(d.indication().label());
        reason.setText(d.indicationDetail() == null ? d.indication().label() : d.indicationDetail());
        if (d.clinicalQuestion() != null) {
            request.addNote().setText(d.clinicalQuestion());
        }
        request.addContained(form.answers(d, Fhir.date(referral.submittedAt())));
        request.addSupportingInfo(new Reference("#" + ReferralForm.FORM_ID));
        return request;
    }

    /** The identifier an {@code If-None-Exist} names; it must also be one of the request's identifiers. */
    private static Identifier identifierIn(String conditionalUrl, ServiceRequest request) {
        String query = conditionalUrl.contains("?") ? conditionalUrl.substring(conditionalUrl.indexOf('?') + 1) : conditionalUrl;
        if (!query.startsWith("identifier=") || query.contains("&")) {
            throw new InvalidRequestException("If-None-Exist supports one search parameter: identifier=<system>|<value>.");
        }
        String token = URLDecoder.decode(query.substring("identifier=".length()), StandardCharsets.UTF_8);
        int bar = token.indexOf('|');
        if (bar <= 0 || bar == token.length() - 1) {
            throw new InvalidRequestException("If-None-Exist needs identifier=<system>|<value>, both parts given.");
        }
        Identifier key = new Identifier().setSystem(token.substring(0, bar)).setValue(token.substring(bar + 1));
        if (request.getIdentifier().stream().noneMatch(i -> key.getSystem().equals(i.getSystem()) && key.getValue().equals(i.getValue()))) {
            throw new InvalidRequestException("The identifier in If-None-Exist must also be in ServiceRequest.identifier.");
        }
        return key;
    }

    private static Set<ReferralStatus> statuses(TokenParam status) {
        if (status == null) {
            return null;
        }
        ServiceRequestStatus wanted;
        try {
            wanted = ServiceRequestStatus.fromCode(status.getValue());
        }
        catch (Exception e) {
            throw new InvalidRequestException("status: '" + status.getValue() + "' is not a FHIR request status.");
        }
        Set<ReferralStatus> matching = EnumSet.noneOf(ReferralStatus.class);
        for (ReferralStatus s : ReferralStatus.values()) {
            if (status(s) == wanted) {
                matching.add(s);
            }
        }
        return matching;
    }

    private UnprocessableEntityException unprocessable(String field, String expression, String message) {
        OperationOutcome outcome = new OperationOutcome();
        issue(outcome, field, expression, message);
        return new UnprocessableEntityException(fhir, outcome);
    }

    private static void issue(OperationOutcome outcome, String field, String expression, String message) {
        var issue = outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.INVALID).setDiagnostics(field + ": " + message);
        issue.getDetails().setText(message).addCoding().setSystem(Fhir.BASE + "/CodeSystem/referral-form-field").setCode(field);
        issue.addExpression(expression);
    }
}
