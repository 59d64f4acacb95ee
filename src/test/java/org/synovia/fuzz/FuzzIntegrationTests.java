package org.synovia.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingFixtures;
import org.synovia.dicom.WorklistServer;
import org.synovia.fhir.ApiClients;
import org.synovia.fhir.FhirFixtures;
import org.synovia.fhir.IssuedCredentials;
import org.synovia.hl7.Hl7Listening;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.procedure.ProcedureFixtures;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Sessions;
import org.synovia.vetting.Vetting;

/**
 * The fuzz round (ADR 0066): seeded random inputs, mutated from valid requests, against every way in — staff forms
 * signed in as their roles, the safety API, CDS Hooks, FHIR, HL7 over MLLP, the DICOM worklist, the patients'
 * links — on the running application. It fails on any 5xx, any exception name, package, SQL or stack trace in an
 * answer or ACK, any hang, any frame without an ACK, and any half-written or unacknowledged row, naming the seed,
 * the target and the single mutation that fails. {@code ./mvnw verify} runs a short round with a fixed seed;
 * {@code ops/fuzz.sh} runs a long one ({@code -Dfuzz.count}, {@code -Dfuzz.seed}).
 */
@SynoviaIntegrationTest
class FuzzIntegrationTests {

    /**
     * Inputs per unit of a target's weight in the short round; a long round sets {@code fuzz.count} (inputs in all),
     * shared by weight.
     */
    private static final int SHORT_ROUND_PER_WEIGHT = 12;
    /** Targets fuzzed at once: most of a request's time is spent waiting, on the socket or on a password check. */
    private static final int PARALLEL_TARGETS = 3;
    private static final long SHORT_ROUND_SEED = 15L;

    private static final String VALID_ASSESSMENT = """
            {"patient": {"ageYears": 64, "sex": "MALE", "weightKg": 80, "heightCm": 178,
                         "creatinineClearanceMlPerMin": 25},
             "medicines": [{"drug": "RIVAROXABAN", "name": "Rivaroxaban", "doseMg": 15,
                            "frequency": "ONCE_DAILY", "doseTimes": ["18:00"]}],
             "procedure": {"siteCode": "FACET_CERVICAL", "spinalLevel": "C4/5", "side": "RIGHT",
                           "guidance": "FLUOROSCOPY"}}
            """;

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired WorklistServer worklist;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired Sessions sessions;
    @Autowired ApiClients clients;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void answersEveryMutatedInputPlainlyAndLeavesNothingHalfWritten() throws Exception {
        long seed = Long.getLong("fuzz.seed", SHORT_ROUND_SEED);
        Integer total = Integer.getInteger("fuzz.count");

        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount nurse = AccountFixtures.create(accounts, Role.NURSE);
        UserAccount admin = AccountFixtures.create(accounts, Role.ADMIN);
        AccountFixtures.signIn(referrer);
        UUID patientId = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient().id().value();
        UUID toVet = referrals.submit(UUID.randomUUID(), ReferralFixtures.kneeOnApixaban(patientId)).id().value();
        UUID toBook = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                ReferralFixtures::kneeOnApixaban, BookingFixtures.ultrasoundKnee());
        AccountFixtures.signOut();
        Appointment today = ProcedureFixtures.of(context).consentedKnee(radiologist, nurse, ReferralFixtures::kneeOnApixaban);
        AccountFixtures.signOut();
        IssuedCredentials ehr = FhirFixtures.client(accounts, clients, "system/ServiceRequest.crs system/Patient.rs");

        Invariants invariants = new Invariants(jdbc);
        Invariants.Snapshot before = invariants.snapshot();

        List<FuzzTarget> targets = targets(referrer, radiologist, clerk, nurse, admin, patientId, toVet, toBook, today, ehr);
        Hl7Target hl7 = (Hl7Target) targets.stream().filter(t -> t instanceof Hl7Target).findFirst().orElseThrow();
        Map<FuzzTarget, Integer> inputs = new java.util.LinkedHashMap<>();
        int weights = targets.stream().mapToInt(FuzzIntegrationTests::weight).sum();
        targets.forEach(target -> inputs.put(target, total == null ? SHORT_ROUND_PER_WEIGHT * weight(target)
                : Math.max(1, total * weight(target) / weights)));
        // A long round's failure is found again faster with its target alone: each input's draw depends only on
        // the seed, the target and the input's number.
        String only = System.getProperty("fuzz.only");
        if (only != null) {
            inputs.keySet().removeIf(target -> !List.of(only.split(",")).contains(target.name()));
        }
        FuzzRound round = new FuzzRound(seed);
        if (Boolean.getBoolean("fuzz.trace")) {
            round.afterEach = unacknowledgedReferralsAfter();
        }
        long start = System.nanoTime();
        round.runAll(inputs, PARALLEL_TARGETS);
        hl7.close();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        Set<String> acknowledged = new HashSet<>();
        round.counts.values().forEach(c -> c.created.forEach(created -> acknowledged.addAll(List.of(created.split("[ /?#]")))));
        // The replays that cut a failure down to one mutation send requests too, and some of them create.
        round.createdByReplays.forEach(created -> acknowledged.addAll(List.of(created.split("[ /?#]"))));
        List<String> broken = invariants.check(before, acknowledged, hl7.acknowledged);
        String report = round.report(elapsed) + "  invariants: " + (broken.isEmpty() ? "all hold" : broken) + "\n";
        System.out.println(report);

        assertThat(round.failures).as(report).isEmpty();
        assertThat(broken).as(report).isEmpty();
        assertThat(round.totalInputs()).as(report)
                .isGreaterThanOrEqualTo(inputs.values().stream().mapToLong(Integer::longValue).sum() * 9 / 10);
    }

    /**
     * Prints each referral that appears after an input whose answer did not name it, with the input: one read of the
     * referral ids per input, so only for one target at a time ({@code -Dfuzz.only}); others running beside it would
     * be blamed on it.
     */
    private java.util.function.BiConsumer<String, String> unacknowledgedReferralsAfter() {
        Set<String> seen = new HashSet<>(jdbc.sql("select id::text from referral").query(String.class).list());
        return (input, named) -> jdbc.sql("select id::text from referral").query(String.class).list().stream()
                .filter(seen::add).filter(id -> named == null || !named.contains(id))
                .forEach(id -> System.out.println("fuzz: referral " + id + " made without an acknowledgement by " + input));
    }

    private List<FuzzTarget> targets(UserAccount referrer, UserAccount radiologist, UserAccount clerk, UserAccount nurse,
            UserAccount admin, UUID patientId, UUID toVet, UUID toBook, Appointment today, IssuedCredentials ehr)
            throws Exception {
        String password = AccountFixtures.PASSWORD;
        WebSession referring = new WebSession(port, referrer.username(), password).signIn();
        WebSession vettingSession = new WebSession(port, radiologist.username(), password).signIn();
        WebSession booking = new WebSession(port, clerk.username(), password).signIn();
        WebSession nursing = new WebSession(port, nurse.username(), password).signIn();
        WebSession administering = new WebSession(port, admin.username(), password).signIn();
        WebSession anonymous = new WebSession(port, null, null).signIn();

        Map<String, String> validReferral = Map.ofEntries(Map.entry("patientId", patientId.toString()),
                Map.entry("siteCode", "HIP_JOINT"), Map.entry("laterality", "RIGHT"), Map.entry("intent", "DIAGNOSTIC"),
                Map.entry("indication", "OSTEOARTHRITIS"), Map.entry("clinicalQuestion", "Is the hip the pain source?"),
                Map.entry("noKnownAllergies", "true"), Map.entry("diabetes", "NONE"),
                Map.entry("pregnancy", "NOT_APPLICABLE"), Map.entry("weightKg", "72.5"), Map.entry("urgency", "ROUTINE"));
        Map<String, String> validPatient = Map.of("familyName", "Fuzz", "givenName", "Test", "dateOfBirth", "1970-03-14",
                "sex", "FEMALE", "nhsNumber", PatientFixtures.uniqueNhsNumber());

        String basic = "Basic " + Base64.getEncoder().encodeToString((radiologist.username() + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        String fhirBasic = "Basic " + Base64.getEncoder().encodeToString((ehr.client().clientId() + ":" + ehr.secret())
                .getBytes(StandardCharsets.UTF_8));
        String serviceRequest = FhirFixtures.R4.newJsonParser().encodeResourceToString(
                FhirFixtures.kneeReferral(patientId, "FUZZ-ORDER"));
        String transaction = """
                {"resourceType": "Bundle", "type": "transaction", "entry": [{"fullUrl": "urn:uuid:9d7e8f4a-1c2b-4d3e-8f9a-0b1c2d3e4f5a",
                 "resource": %s, "request": {"method": "POST", "url": "ServiceRequest"}}]}""".formatted(serviceRequest);
        UnaryOperator<String> freshOrder = body -> body.replace("FUZZ-ORDER", "FUZZ-" + UUID.randomUUID());
        List<String> hooks = List.of("apixaban-knee-order-sign", "lidocaine-allergy-knee-order-select",
                "xray-nothing-to-say-order-sign", "apixaban-cervical-facet-order-sign").stream()
                .map(FuzzIntegrationTests::hookSample).toList();

        String fhirJson = "application/fhir+json";
        String token = "a".repeat(43);
        return List.of(
                new FormTarget("referral-form", referring, List.of("/referrals/new?patientId=" + patientId),
                        validReferral, action -> false),
                new FormTarget("patient-form", referring, List.of("/patients/new", "/patients"), validPatient, action -> false),
                new FormTarget("vetting-form", vettingSession, List.of("/vetting/" + toVet), Map.of(), action -> false),
                new FormTarget("booking-form", booking, List.of("/bookings/referral/" + toBook, "/appointments"),
                        Map.of(), action -> false),
                new FormTarget("day-forms", nursing, List.of("/day/" + today.id(), "/day"), Map.of(), action -> false),
                new FormTarget("admin-forms", administering, List.of("/admin/users"), Map.of(),
                        // The round's own accounts stay as they are: a reset password would end the other targets' sessions.
                        action -> List.of(referrer, radiologist, clerk, nurse, admin).stream()
                                .anyMatch(user -> action.contains("/" + user.username() + "/"))),
                new JsonTarget("safety-api", anonymous, "/api/v1/safety/assessments", Map.of("Authorization", basic),
                        List.of(VALID_ASSESSMENT), UnaryOperator.identity()),
                new JsonTarget("cds-hooks", anonymous, "/cds-services/synovia-injection-safety-order-sign",
                        Map.of("Authorization", basic), hooks, UnaryOperator.identity()),
                new JsonTarget("fhir-create", anonymous, "/fhir/ServiceRequest",
                        Map.of("Authorization", fhirBasic, "Accept", fhirJson), List.of(serviceRequest), freshOrder),
                new JsonTarget("fhir-transaction", anonymous, "/fhir", Map.of("Authorization", fhirBasic, "Accept", fhirJson),
                        List.of(transaction), freshOrder),
                new PathTarget("fhir-read", anonymous, Map.of("Authorization", fhirBasic, "Accept", fhirJson), List.of(
                        PathTarget.Request.get("/fhir/Patient/{v}", patientId.toString()),
                        PathTarget.Request.get("/fhir/ServiceRequest/{v}", toVet.toString()),
                        PathTarget.Request.get("/fhir/Patient?name={v}", "Smith"),
                        PathTarget.Request.get("/fhir/Patient?birthdate={v}", "1970-03-14"),
                        PathTarget.Request.get("/fhir/Patient?identifier={v}", "https://fhir.nhs.uk/Id/nhs-number|9434765919"),
                        PathTarget.Request.get("/fhir/ServiceRequest?patient={v}", patientId.toString()),
                        PathTarget.Request.get("/fhir/ServiceRequest?_count={v}", "10"),
                        PathTarget.Request.get("/fhir/ServiceRequest?_include={v}", "ServiceRequest:subject"),
                        PathTarget.Request.get("/fhir/{v}", "metadata"))),
                new Hl7Target(Hl7Listening.port(context)),
                new DicomTarget(worklist.port()),
                new PathTarget("patient-links", anonymous, Map.of(), List.of(
                        PathTarget.Request.get("/my-diary/{v}", token),
                        PathTarget.Request.get("/my-diary/{v}/urgent", token),
                        PathTarget.Request.get("/my-appointment/{v}", token),
                        PathTarget.Request.get("/choose-appointment/{v}", token),
                        new PathTarget.Request("POST", "/my-diary/{v}", token, List.of(Map.entry("timePoint", "DAY_1"),
                                Map.entry("painNow", "3"), Map.entry("painWorstDay", "5"), Map.entry("pgic", "2"),
                                Map.entry("sideEffects", "NONE"), Map.entry("glucoseMmolL", "6.5"), Map.entry("redFlags", "FEVER"))),
                        new PathTarget.Request("POST", "/my-appointment/{v}/cancel", token,
                                List.of(Map.entry("reason", "Feeling better"))),
                        new PathTarget.Request("POST", "/choose-appointment/{v}", token,
                                List.of(Map.entry("slotId", UUID.randomUUID().toString()))))));
    }

    /**
     * A target's share of the inputs, by what one input costs here: most to the cheap ones (a link, a read, an HL7
     * frame, a worklist query), least to those where every request checks a password or runs the safety engine
     * (a quarter of a second each on this machine), so that a long round of 50,000 inputs takes well under an hour.
     */
    private static final Map<String, Integer> WEIGHTS = Map.ofEntries(Map.entry("patient-links", 8), Map.entry("fhir-read", 8),
            Map.entry("hl7", 6), Map.entry("dicom", 6), Map.entry("admin-forms", 4), Map.entry("vetting-form", 4),
            Map.entry("patient-form", 4), Map.entry("fhir-create", 3), Map.entry("fhir-transaction", 2),
            Map.entry("booking-form", 2), Map.entry("day-forms", 2), Map.entry("referral-form", 1),
            Map.entry("safety-api", 1), Map.entry("cds-hooks", 1));

    private static int weight(FuzzTarget target) {
        return WEIGHTS.get(target.name());
    }

    private static String hookSample(String name) {
        try (var in = FuzzIntegrationTests.class.getResourceAsStream("/cdshooks/" + name + ".request.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
