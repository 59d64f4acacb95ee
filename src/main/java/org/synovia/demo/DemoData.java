package org.synovia.demo;

import static org.synovia.shared.YesNoUnknown.NO;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.synovia.account.NewUserAccount;
import org.synovia.account.Role;
import org.synovia.account.StaffGrade;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.patient.NewPatient;
import org.synovia.patient.Patient;
import org.synovia.patient.PostalAddress;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.referral.AllergyCategory;
import org.synovia.referral.DiabetesType;
import org.synovia.referral.Indication;
import org.synovia.referral.Intent;
import org.synovia.referral.PregnancyPossibility;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.Referrals;
import org.synovia.referral.ReferrerSetting;
import org.synovia.referral.RequestedInjectate;
import org.synovia.referral.TreatmentKind;
import org.synovia.referral.Urgency;
import org.synovia.scheduling.Operator;
import org.synovia.scheduling.OperatorGrade;
import org.synovia.scheduling.Room;
import org.synovia.scheduling.SessionTemplate;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;
import org.synovia.shared.Guidance;
import org.synovia.shared.Laterality;
import org.synovia.shared.Sex;

/** Fills an empty database with demo accounts, patients and referrals, once. */
@Component
@ConditionalOnProperty(name = "synovia.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    record DemoUser(String username, String displayName, String organisation, Set<Role> roles, StaffGrade grade,
            org.synovia.account.ProfessionalRegistration registration) {

        DemoUser(String username, String displayName, String organisation, Set<Role> roles) {
            this(username, displayName, organisation, roles, null, null);
        }

        DemoUser(String username, String displayName, String organisation, Set<Role> roles, StaffGrade grade) {
            this(username, displayName, organisation, roles, grade, null);
        }
    }

    /** Work done as a demo user, as if they had signed in. */
    @FunctionalInterface
    interface Acting {
        <T> T call(String username, Supplier<T> work);
    }

    private static org.synovia.account.ProfessionalRegistration gmc(String number) {
        return new org.synovia.account.ProfessionalRegistration(org.synovia.account.ProfessionalRegister.GMC, number);
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("dr.patel", "Dr Asha Patel (rheumatology)", "Demo Hospital Rheumatology", Set.of(Role.REFERRER)),
            new DemoUser("dr.jones", "Mr Huw Jones (orthopaedics)", "Demo Hospital Orthopaedics", Set.of(Role.REFERRER)),
            new DemoUser("dr.okafor", "Dr Ngozi Okafor (radiology)", "Demo Hospital Radiology", Set.of(Role.RADIOLOGIST),
                    StaffGrade.CONSULTANT, gmc("7012345")),
            new DemoUser("dr.reid", "Dr Alasdair Reid", "Demo Hospital Radiology", Set.of(Role.RADIOLOGIST),
                    StaffGrade.CONSULTANT, gmc("7054321")),
            new DemoUser("nurse.evans", "Sister Carys Evans", "Demo Hospital Radiology", Set.of(Role.NURSE)),
            new DemoUser("clerk.smith", "Sam Smith (bookings)", "Demo Hospital Radiology", Set.of(Role.BOOKING)),
            new DemoUser("admin", "Demo administrator", "Demo Hospital", Set.of(Role.ADMIN)));

    private final DemoProperties properties;
    private final UserAccounts accounts;
    private final Patients patients;
    private final Referrals referrals;
    private final Sessions sessions;
    private final Clock clock;
    private final Environment environment;
    private final org.synovia.vetting.Vetting vetting;
    private final DemoDay demoDay;

    DemoData(DemoProperties properties, UserAccounts accounts, Patients patients, Referrals referrals, Sessions sessions,
            Clock clock, Environment environment, org.synovia.vetting.Vetting vetting,
            org.synovia.booking.BookingDesk desk, org.synovia.procedure.Visits visits,
            org.synovia.procedure.Checklists checklists, org.synovia.procedure.Consents consents,
            org.synovia.procedure.ProcedureRecords procedureRecords) {
        this.vetting = vetting;
        this.demoDay = new DemoDay(sessions, patients, referrals, vetting, desk, visits, checklists, consents,
                procedureRecords, clock, this::as);
        this.properties = properties;
        this.sessions = sessions;
        this.accounts = accounts;
        this.patients = patients;
        this.referrals = referrals;
        this.clock = clock;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<DemoUser> registered = new java.util.ArrayList<>();
        for (DemoUser user : USERS) {
            if (accounts.find(user.username()).isEmpty()) {
                accounts.create(new NewUserAccount(user.username(), user.displayName(),
                        user.username() + "@demo.synovia.invalid", user.organisation(), user.roles(), user.grade(),
                        properties.password()),
                        "demo");
                if (user.registration() != null) {
                    registered.add(user);
                }
            }
        }
        // The administrator records registrations, once every account (theirs included) exists.
        as("admin", () -> {
            registered.forEach(user -> accounts.setRegistration(user.username(), user.registration()));
            return null;
        });
        as("dr.patel", () -> {
            if (!patients.search(new org.synovia.patient.PatientSearch("9990000077", null)).isEmpty()) {
                return null;
            }
            createPatientsAndReferrals();
            return null;
        });
        as("clerk.smith", () -> {
            if (sessions.rooms().isEmpty()) {
                createSessions();
            }
            return null;
        });
        demoDay.makeToday("clerk.smith", "dr.reid", "Dr Alasdair Reid", "nurse.evans", "dr.patel");
    }

    /** Two rooms and three weekly lists, enough to book every demo referral within the horizon. */
    private void createSessions() {
        LocalDate today = LocalDate.now(clock);
        Room ultrasound = sessions.addRoom(new Room(null, "Ultrasound 2", "Imaging department, ground floor, Demo Hospital "
                + "(follow the signs for X-ray and Ultrasound)", Set.of(Guidance.ULTRASOUND, Guidance.LANDMARK)));
        Room ct = sessions.addRoom(new Room(null, "CT 1", "Imaging department, ground floor, Demo Hospital (CT reception)",
                Set.of(Guidance.CT, Guidance.FLUOROSCOPY)));
        Operator okafor = sessions.addOperator(new Operator(null, "dr.okafor", "Dr Ngozi Okafor",
                OperatorGrade.CONSULTANT, Set.of(Guidance.ULTRASOUND, Guidance.LANDMARK, Guidance.CT, Guidance.FLUOROSCOPY),
                Set.of()));
        sessions.addTemplate(new SessionTemplate(null, DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(12, 20),
                ultrasound.id(), okafor.id(), List.of(20), false, today, null));
        sessions.addTemplate(new SessionTemplate(null, DayOfWeek.THURSDAY, LocalTime.of(13, 30), LocalTime.of(17, 0),
                ultrasound.id(), okafor.id(), List.of(30), true, today, null));
        sessions.addTemplate(new SessionTemplate(null, DayOfWeek.WEDNESDAY, LocalTime.of(9, 0), LocalTime.of(12, 45),
                ct.id(), okafor.id(), List.of(45), false, today, null));
    }

    private void createPatientsAndReferrals() {
        LocalDate today = LocalDate.now(clock);
        Patient ada = register("9990000077", "DEMO0001", "Lovelace", "Ada", LocalDate.of(1958, 12, 10), Sex.FEMALE);
        Patient alan = register("9990000212", null, "Turing", "Alan", LocalDate.of(1949, 6, 23), Sex.MALE);
        Patient mary = register("9990000352", null, "Seacole", "Mary", LocalDate.of(1981, 11, 23), Sex.FEMALE);
        register("9990000425", null, "Brunel", "Isambard", LocalDate.of(1966, 4, 9), Sex.MALE);
        register(null, "DEMO0005", "Nightingale", "Florence", LocalDate.of(1990, 5, 12), Sex.FEMALE);

        referrals.submit(UUID.randomUUID(), new ReferralDetails(ada.id().value(), "FACET_CERVICAL", Laterality.RIGHT, "C4/5",
                Intent.BOTH, Indication.OSTEOARTHRITIS, null,
                "Right-sided neck pain for 9 months, facet loading positive. Is C4/5 the pain generator? Relief if so.",
                List.of(new ReferralDetails.TreatmentTried(TreatmentKind.PHYSIOTHERAPY, 12, "Two courses"),
                        new ReferralDetails.TreatmentTried(TreatmentKind.ANALGESIA, 26, "Paracetamol, naproxen")),
                List.of(),
                List.of(new ReferralDetails.AntithromboticMedicine(Antithrombotic.APIXABAN, "5 mg", DoseFrequency.TWICE_DAILY,
                        "08:00, 20:00")),
                "Ramipril 5 mg od; atorvastatin 20 mg nocte", false,
                List.of(new ReferralDetails.Allergy(AllergyCategory.OTHER, "Penicillin", "Rash")), DiabetesType.NONE, NO,
                null, NO, NO, NO, PregnancyPossibility.NOT_APPLICABLE, new BigDecimal("68"), 88, null,
                today.minusDays(20), Urgency.ROUTINE, referrer("Dr Asha Patel", "Consultant rheumatologist"),
                RequestedInjectate.CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC, false, ReferrerSetting.SECONDARY_CARE, null,
                ReferralDetails.ThromboticRisk.NONE, NO, NO, null, null, null, null, null, null, null, null, false, null,
                null, null));
        referrals.submit(UUID.randomUUID(), new ReferralDetails(alan.id().value(), "HIP_JOINT", Laterality.LEFT, null,
                Intent.DIAGNOSTIC, Indication.OSTEOARTHRITIS, null,
                "Left groin and thigh pain; lumbar spine also degenerate. Is the hip the source before arthroplasty listing?",
                List.of(new ReferralDetails.TreatmentTried(TreatmentKind.PHYSIOTHERAPY, 8, null)),
                List.of(), List.of(), "Metformin 1 g bd", true, List.of(), DiabetesType.TYPE_2, NO, 64, NO, NO, NO,
                PregnancyPossibility.NOT_APPLICABLE, new BigDecimal("82.5"), null, 71, today.minusDays(40), Urgency.SOON,
                referrer("Dr Asha Patel", "Consultant rheumatologist"),
                RequestedInjectate.CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC, false, ReferrerSetting.SECONDARY_CARE, null,
                ReferralDetails.ThromboticRisk.NONE, NO, NO, null, null, null, null, null, null, null, null, false, null,
                null, null));
        var bursa = referrals.submit(UUID.randomUUID(), new ReferralDetails(mary.id().value(), "TROCHANTERIC_BURSA", Laterality.RIGHT, null,
                Intent.THERAPEUTIC, Indication.BURSITIS, null,
                "Greater trochanteric pain syndrome, not settling with exercise programme.",
                List.of(new ReferralDetails.TreatmentTried(TreatmentKind.PHYSIOTHERAPY, 10, null),
                        new ReferralDetails.TreatmentTried(TreatmentKind.ACTIVITY_CHANGE, 10, null)),
                List.of(new ReferralDetails.PreviousInjection("TROCHANTERIC_BURSA", Laterality.RIGHT, today.minusDays(150),
                        "Methylprednisolone acetate 40 mg")),
                List.of(), null, true, List.of(), DiabetesType.NONE, NO, null, NO, NO, NO,
                PregnancyPossibility.NOT_PREGNANT, new BigDecimal("71"), null, null, null, Urgency.ROUTINE,
                referrer("Dr Asha Patel", "Consultant rheumatologist"),
                RequestedInjectate.CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC, false, ReferrerSetting.SECONDARY_CARE, null,
                ReferralDetails.ThromboticRisk.NONE, NO, NO, null, null, null, null, null, null, null, null, false, null,
                null, null));
        acceptAsRadiologist(bursa.id());
    }

    /** The radiologist accepts the bursa referral so that the waiting list shows an entry. */
    private void acceptAsRadiologist(org.synovia.referral.ReferralId referral) {
        as("dr.okafor", () -> vetting.accept(referral, new org.synovia.vetting.Protocol(org.synovia.shared.Guidance.ULTRASOUND,
                "lateral, in-plane", "Methylprednisolone acetate 40 mg/mL", new BigDecimal("40"), "Lidocaine 1%",
                new BigDecimal("2"), false, "CONSULTANT", null, 20, org.synovia.waitinglist.Priority.ROUTINE, true),
                new org.synovia.vetting.Acceptance(null, null, "Demo: accepted for the routine ultrasound list",
                        java.util.Map.of())));
    }

    private Patient register(String nhsNumber, String hospitalNumber, String family, String given, LocalDate born, Sex sex) {
        Registration registration = patients.register(new NewPatient(nhsNumber, hospitalNumber, family, given, born, sex,
                "07700 900" + String.format("%03d", Math.abs(family.hashCode()) % 1000),
                given.toLowerCase() + "@example.com", "Dr Demo GP", "Demo Surgery", address(family)), true);
        return switch (registration) {
            case Registration.Registered r -> r.patient();
            case Registration.AlreadyRegistered r -> r.existing();
            case Registration.PossibleDuplicates r -> r.candidates().getFirst();
        };
    }

    /** An obviously fake address (the ZZ postcode area does not exist), the same for a name on every run. */
    static PostalAddress address(String family) {
        int n = Math.abs(family.hashCode());
        return new PostalAddress(List.of((1 + n % 120) + " " + family + " Road"), "Demoton",
                "ZZ" + (1 + n % 9) + " " + (n % 10) + "DM");
    }

    private static ReferralDetails.Referrer referrer(String name, String role) {
        return new ReferralDetails.Referrer(name, role, "Demo Hospital", "0118 496 0000", "dr.patel@demo.synovia.invalid");
    }

    private <T> T as(String username, Supplier<T> work) {
        UserAccount account = accounts.find(username).orElseThrow();
        var authorities = account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
        try {
            return work.get();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        String port = environment.getProperty("local.server.port", "8080");
        StringBuilder logins = new StringBuilder();
        for (DemoUser user : USERS) {
            logins.append(String.format("%n    %-12s %-30s %s", user.username(), user.displayName(), user.roles()));
        }
        log.info("""

                ==================================================================
                  Synovia demo is ready at http://localhost:{}/
                  Every demo account's password is: {}
                  Accounts:{}
                ==================================================================""", port, properties.password(), logins);
    }
}
