package org.synovia.fhir.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.TreeSet;

import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditEntry;
import org.synovia.audit.AuditTrail;
import org.synovia.fhir.SmartScope;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;

/**
 * Lets a call through only when the client holds a scope for its resource type and interaction (403 with an
 * OperationOutcome otherwise), and writes every call, refused or not, to the audit trail.
 */
@Interceptor
class ScopeInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ScopeInterceptor.class);
    /** FHIR's own limit on a logical id, and the width of the audit trail's record id. */
    static final int MAX_ID_LENGTH = 64;
    private static final Set<String> REFERENCE_PARAMETERS = Set.of("patient", "subject", "based-on", "actor", "schedule",
            "slot", "encounter", "partof", "request");

    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final CallAudit calls;

    ScopeInterceptor(AuditTrail audit, TransactionTemplate transactions, CallAudit calls) {
        this.audit = audit;
        this.transactions = transactions;
        this.calls = calls;
    }

    /**
     * Audits the call and lets it through only with a scope for its resource type and interaction. The audit line
     * is committed before anything is answered, so that no call, refused or not, can finish unrecorded: at once for a
     * refused call or one that writes, with its reads for an allowed read or search (ADR 0111).
     */
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void checkScopeAndAudit(ServletRequestDetails request, RestOperationTypeEnum operation) {
        if (operation == RestOperationTypeEnum.METADATA) {
            return;
        }
        char interaction = interaction(operation);
        // A transaction carries one referral with the patient's resources it reads: it needs the referral create scope.
        String type = operation == RestOperationTypeEnum.TRANSACTION ? "ServiceRequest" : request.getResourceName();
        String needed = "system/" + (type == null ? "*" : type) + "." + (interaction == 0 ? "?" : interaction);
        boolean allowed = interaction != 0 && type != null && granted().stream().anyMatch(s -> s.allows(type, interaction));
        String query = request.getServletRequest().getQueryString();
        String what = printable(request.getRequestType() + " " + request.getRequestPath() + (query == null ? "" : "?" + query)
                + (allowed ? "" : " refused: no scope " + needed));
        String id = request.getId() == null ? null : printable(request.getId().getIdPart());
        String recordId = id == null || id.length() <= MAX_ID_LENGTH ? id : id.substring(0, MAX_ID_LENGTH);
        AuditEntry line = new AuditEntry(action(operation), "FHIR " + (type == null ? "server" : type), recordId, null, what);
        if (allowed && readsOnly(operation)) {
            calls.keepWaiting(request, line);
        } else {
            calls.commitNow(line);
        }
        if (!allowed) {
            throw new ForbiddenOperationException("This client has no scope for " + describe(operation, type) + "; it needs "
                    + needed + ".");
        }
        refuseOddValues(request);
    }

    /**
     * Refuses, before any provider sees them, values no search or read of ours can use and the database would choke
     * on: control characters (a NUL byte) and ids longer than FHIR's 64 characters. A 400 in plain words.
     */
    private static void refuseOddValues(ServletRequestDetails request) {
        if (request.getId() != null && request.getId().getIdPart() != null) {
            String id = request.getId().getIdPart();
            if (id.length() > MAX_ID_LENGTH) {
                throw new InvalidRequestException("The id is " + id.length() + " characters long; ids here have at most "
                        + MAX_ID_LENGTH + ".");
            }
            if (hasControlCharacter(id)) {
                throw new InvalidRequestException("The id contains a control character; ids are letters, digits, '-' and '.'.");
            }
        }
        byte[] body = request.loadRequestContents();
        if (body != null && body.length > 0 && hasNul(new String(body, StandardCharsets.UTF_8))) {
            throw new InvalidRequestException("The resource contains a NUL character (\\u0000), which no text here may "
                    + "hold; send printable text only.");
        }
        for (Map.Entry<String, String[]> parameter : request.getParameters().entrySet()) {
            String name = printable(parameter.getKey());
            for (String value : parameter.getValue()) {
                if (hasControlCharacter(parameter.getKey()) || value != null && hasControlCharacter(value)) {
                    throw new InvalidRequestException(name + ": the value contains a control character (such as %00); "
                            + "send printable text only.");
                }
                String bare = value == null ? "" : value.substring(value.lastIndexOf('/') + 1);
                if (name.equals("_id") && bare.length() > MAX_ID_LENGTH || isReference(name) && bare.length() > MAX_ID_LENGTH) {
                    throw new InvalidRequestException(name + ": the id is " + bare.length() + " characters long; ids here "
                            + "have at most " + MAX_ID_LENGTH + ".");
                }
            }
        }
    }

    private static final Pattern JAVA_NAME = Pattern.compile(
            ":?\\s*\\b(java|javax|jakarta|ca\\.uhn|org)\\.[\\w.$]+(Exception|Error)\\b.*");

    /** The message up to the first Java class name, which with whatever follows it is for the log only. */
    static String withoutJavaNames(String message) {
        return message == null ? "" : JAVA_NAME.matcher(message).replaceFirst("");
    }

    private static boolean isReference(String parameter) {
        return REFERENCE_PARAMETERS.contains(parameter.contains(":") ? parameter.substring(0, parameter.indexOf(':')) : parameter);
    }

    private static final Pattern ESCAPED_NUL = Pattern.compile("(?<!\\\\)\\\\u0000");

    private static boolean fromHapiParser(Throwable failure) {
        return java.util.Arrays.stream(failure.getStackTrace()).anyMatch(frame -> frame.getClassName().startsWith("ca.uhn.fhir.parser."));
    }

    /** A NUL byte, or a JSON escape for one (PostgreSQL text cannot hold it). */
    private static boolean hasNul(String body) {
        return body.indexOf('\u0000') >= 0 || ESCAPED_NUL.matcher(body).find();
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> Character.isISOControl(c));
    }

    /** The text with control characters shown as '?', as the audit trail and error messages keep it. */
    private static String printable(String text) {
        return text == null ? null : text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /**
     * Keeps what a client is told about a failure we did not foresee to a plain sentence: HAPI would otherwise put
     * the exception's class and message (which can hold SQL) in the OperationOutcome. The detail goes to the log.
     */
    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException plainError(RequestDetails request, Throwable failure) {
        calls.commitWaiting(request);
        Throwable cause = failure instanceof InternalErrorException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof BaseServerResponseException answer) {
            // HAPI's parser errors end with the Java exception behind them ("...: java.lang.NumberFormatException: ...").
            String plain = withoutJavaNames(answer.getMessage());
            return plain.equals(answer.getMessage()) ? answer
                    : BaseServerResponseException.newInstance(answer.getStatusCode(), plain);
        }
        if (cause instanceof IllegalArgumentException unreadable && fromHapiParser(unreadable)) {
            // A body HAPI's parser trips over (a blank resourceType in a bundle entry): the client's mistake, a 400.
            return new InvalidRequestException("The body could not be read as FHIR: "
                    + withoutJavaNames(unreadable.getMessage()).replace("theResourceName", "resourceType") + ".");
        }
        if (cause instanceof IndexOutOfBoundsException && fromHapiParser(cause)) {
            // HAPI's JSON parser reads the first letter of every member name: an empty name ("": ...) trips it.
            return new InvalidRequestException("The body could not be read as FHIR: a JSON member has an empty name.");
        }
        if (cause instanceof DataFormatException badValue) {
            // A search or read value HAPI cannot parse (a date such as "00:00"): the client's mistake, a 400.
            return new InvalidRequestException(withoutJavaNames(badValue.getMessage()));
        }
        log.error("FHIR call {} {} failed", request.getRequestType(), request.getRequestPath(), cause);
        return new InternalErrorException("The server could not answer this call. The failure has been logged; try again, "
                + "and tell the service's administrator if it happens again.");
    }

    /**
     * Lets a resource leave the server only to a client that may read its type: every path that answers with
     * resources (read, search with its included resources, operations, create answers) passes through here, so a
     * scope to create or to search alone never hands a resource out (ADR 0054). A refusal is a 403 without the body.
     */
    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public boolean checkWhatIsReturned(RequestDetails request, ResponseDetails response) {
        calls.commitWaiting(request);
        Set<String> unreadable = new TreeSet<>();
        IBaseResource resource = response.getResponseResource();
        if (resource instanceof Bundle bundle) {
            bundle.getEntry().stream().filter(e -> e.getResource() != null).map(e -> e.getResource().fhirType())
                    .filter(type -> !holds(type, 'r')).forEach(unreadable::add);
        }
        else if (resource != null && !(resource instanceof OperationOutcome) && !(resource instanceof CapabilityStatement)
                && !holds(resource.fhirType(), 'r')) {
            unreadable.add(resource.fhirType());
        }
        if (!unreadable.isEmpty()) {
            String needed = String.join(", ", unreadable.stream().map(t -> "system/" + t + ".r").toList());
            transactions.executeWithoutResult(tx -> audit.record(AuditAction.READ, "FHIR " + String.join(", ", unreadable),
                    null, null, request.getRequestType() + " " + request.getRequestPath() + " answer withheld: no scope "
                            + needed));
            throw new ForbiddenOperationException("This client may not read what this call would return; it needs " + needed
                    + ".");
        }
        return true;
    }

    /** Only after the answer has left: see {@link CallAudit#commitLate}. */
    @Hook(Pointcut.SERVER_PROCESSING_COMPLETED)
    public void auditedAtTheLatest(RequestDetails request) {
        calls.commitLate(request);
    }

    /** Whether the calling client holds a scope for the interaction (one of c, r, u, d, s) on the resource type. */
    static boolean holds(String type, char interaction) {
        return granted().stream().anyMatch(s -> s.allows(type, interaction));
    }

    /** Tells clients reading the CapabilityStatement how to authenticate and what scopes mean. */
    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void describeSecurity(IBaseConformance statement) {
        if (statement instanceof CapabilityStatement capabilities) {
            var security = capabilities.getRestFirstRep().getSecurity();
            security.addService().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/restful-security-service")
                    .setCode("Basic");
            security.addService().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/restful-security-service")
                    .setCode("SMART-on-FHIR");
            security.setDescription("SMART Backend Services (client credentials with a signed JWT assertion; see "
                    + ".well-known/smart-configuration), or HTTP Basic with an API client's id and secret, both issued by "
                    + "the service's administrator. SMART system scopes (system/ServiceRequest.c, system/Patient.rs, system/*.rs) decide what each "
                    + "client may do; a call outside them is answered 403. Every call is audited.");
        }
    }

    private static List<SmartScope> granted() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return List.of();
        }
        return authentication.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith(FhirSecurityConfiguration.SCOPE_PREFIX))
                .map(a -> SmartScope.parse(a.substring(FhirSecurityConfiguration.SCOPE_PREFIX.length()))).toList();
    }

    private static char interaction(RestOperationTypeEnum operation) {
        return switch (operation) {
            case READ, VREAD -> 'r';
            case SEARCH_TYPE -> 's';
            case CREATE, TRANSACTION -> 'c';
            case UPDATE, PATCH -> 'u';
            case DELETE -> 'd';
            default -> 0;
        };
    }

    /** Calls that change nothing: their line may wait for their reads' commit. */
    private static boolean readsOnly(RestOperationTypeEnum operation) {
        return operation == RestOperationTypeEnum.READ || operation == RestOperationTypeEnum.VREAD
                || operation == RestOperationTypeEnum.SEARCH_TYPE;
    }

    private static AuditAction action(RestOperationTypeEnum operation) {
        if (operation == null) {
            return AuditAction.READ;
        }
        return switch (operation) {
            case SEARCH_TYPE, SEARCH_SYSTEM -> AuditAction.SEARCH;
            case CREATE, TRANSACTION -> AuditAction.CREATE;
            case UPDATE, PATCH, DELETE -> AuditAction.UPDATE;
            default -> AuditAction.READ;
        };
    }

    private static String describe(RestOperationTypeEnum operation, String type) {
        return operation.getCode() + (type == null ? "" : " on " + type);
    }
}
