package org.synovia.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.StaffGrade;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.ReferralStatus;
import org.synovia.referral.Referrals;
import org.synovia.safety.Finding;
import org.synovia.safety.SafetyOverride;
import org.synovia.safety.SafetyOverrides;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;
import org.synovia.testing.RecordCopies;
import org.synovia.vetting.Acceptance;
import org.synovia.vetting.Vetting;

/**
 * A STOP blocks booking until someone of the role and grade the clinic names (by default a consultant
 * radiologist) overrides it with a reason (HAZ-66). SAF-023, a prosthetic joint at the site, is the STOP.
 */
@SynoviaIntegrationTest
class StopOverrideIntegrationTests {

    static final String PROSTHETIC_JOINT = "SAF-023";
    static final String REASON = "Agreed with the orthopaedic team: diagnostic block before revision surgery";

    @Autowired MockMvc mvc;
    @Autowired BookingDesk desk;
    @Autowired SlotFinder slotFinder;
    @Autowired Sessions sessions;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired SafetyOverrides overrides;
    @Autowired JdbcClient jdbc;

    @Autowired org.springframework.context.ApplicationContext context;

    /** As the schema's owner: the application's role is refused these by grant before any trigger (ADR 0048). */
    private JdbcClient owner() {
        return JdbcClient.create(org.synovia.database.EmbeddedDatabaseLogins.as(context,
                org.synovia.database.EmbeddedDatabaseLogins.OWNER));
    }
    @Autowired Clock clock;

    UserAccount referrer;
    UserAccount consultant;
    UserAccount registrar;
    UserAccount clerk;

    @BeforeEach
    void setUp() {
        referrer = AccountFixtures.create(accounts, Role.REFERRER);
        consultant = AccountFixtures.create(accounts, StaffGrade.CONSULTANT, Role.RADIOLOGIST);
        registrar = AccountFixtures.create(accounts, StaffGrade.SPECIALTY_REGISTRAR, Role.RADIOLOGIST);
        clerk = AccountFixtures.create(accounts, Role.BOOKING);
        AccountFixtures.signIn(clerk);
        for (DayOfWeek day : DayOfWeek.values()) {
            SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, day, LocalTime.of(18, 0), LocalTime.of(18, 40),
                    List.of(20, 20));
        }
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void refusesARegistrarsOverrideAtVettingAndAcceptsAConsultantsWhichBookingThenHonours() {
        Referral referral = refer(true);
        AccountFixtures.signIn(registrar);
        Map<String, String> reasons = reasonsFor(referral);
        assertThat(reasons).containsKey(PROSTHETIC_JOINT);

        assertThatThrownBy(() -> vetting.accept(referral.id(), BookingFixtures.ultrasoundKnee(),
                new Acceptance(null, null, null, reasons)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Only a consultant radiologist may override this STOP");
        assertThat(referrals.show(referral.id()).status()).isEqualTo(ReferralStatus.SUBMITTED);
        assertThat(overrides.forReferral(referral.id().value())).isEmpty();

        AccountFixtures.signIn(consultant);
        vetting.accept(referral.id(), BookingFixtures.ultrasoundKnee(), new Acceptance(null, null, null, reasons));

        SafetyOverride stop = overrides.forReferral(referral.id().value()).stream()
                .filter(o -> o.ruleId().equals(PROSTHETIC_JOINT)).findFirst().orElseThrow();
        assertThat(stop.overridesStop()).isTrue();
        assertThat(stop.grade()).isEqualTo(StaffGrade.CONSULTANT);
        assertThat(stop.byUsername()).isEqualTo(consultant.username());
        assertThat(stop.sentence()).isEqualTo("Overridden by " + consultant.displayName() + " (consultant radiologist) on "
                + today() + ": " + REASON);

        AccountFixtures.signIn(clerk);
        SlotSearch search = slotFinder.search(referral.id().value(), 1);
        assertThat(search.offers()).isNotEmpty();
        assertThat(search.stops()).isEmpty();
        Appointment booked = desk.book(referral.id().value(), search.offers().getFirst().slot().id());
        assertThat(booked.active()).isTrue();
    }

    @Test
    void refusesToBookAStopRaisedAfterVettingUntilAConsultantOverridesItAndKeepsEveryOverride() {
        Referral referral = refer(false);
        accept(referral);
        AccountFixtures.signIn(clerk);
        SlotSearch before = slotFinder.search(referral.id().value(), 1);
        UUID slotId = before.offers().getFirst().slot().id();
        // The facts change after acceptance (a later message says the knee was replaced).
        jdbc.sql("update referral set prosthetic_joint_at_site = 'YES' where id = ?").param(referral.id().value()).update();

        SlotSearch blocked = slotFinder.search(referral.id().value(), 1);
        assertThat(blocked.offers()).isEmpty();
        assertThat(blocked.stops()).extracting(s -> s.finding().ruleId()).containsExactly(PROSTHETIC_JOINT);
        assertThatThrownBy(() -> desk.book(referral.id().value(), slotId))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("The safety checks do not allow this start").hasMessageContaining(PROSTHETIC_JOINT);

        LocalDateTime start = blocked.stops().getFirst().start();
        AccountFixtures.signIn(registrar);
        assertThatThrownBy(() -> vetting.overrideStop(referral.id(), PROSTHETIC_JOINT, start, REASON))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Only a consultant radiologist may override this STOP");
        AccountFixtures.signIn(consultant);
        assertThatThrownBy(() -> vetting.overrideStop(referral.id(), PROSTHETIC_JOINT, start, " "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Give the reason");
        assertThatThrownBy(() -> vetting.overrideStop(referral.id(), "SAF-999", start, REASON))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nothing to override");
        AccountFixtures.signIn(clerk);
        assertThatThrownBy(() -> desk.book(referral.id().value(), slotId)).isInstanceOf(InvalidInputException.class);

        AccountFixtures.signIn(consultant);
        SafetyOverride first = vetting.overrideStop(referral.id(), PROSTHETIC_JOINT, start, REASON);
        vetting.overrideStop(referral.id(), PROSTHETIC_JOINT, start, "Confirmed again after the surgeon's letter");

        AccountFixtures.signIn(clerk);
        Appointment booked = desk.book(referral.id().value(), slotId);
        assertThat(booked.active()).isTrue();
        List<SafetyOverride> stops = overrides.forReferral(referral.id().value()).stream()
                .filter(o -> o.ruleId().equals(PROSTHETIC_JOINT)).toList();
        assertThat(stops).hasSize(2);
        assertThat(stops.getFirst()).isEqualTo(first);
        assertThat(stops.get(1).reason()).isEqualTo("Confirmed again after the surgeon's letter");
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'SafetyOverride' and record_id = ?")
                .param(first.id().toString()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void neverLetsAnOverrideBeChangedOrRemoved() {
        Referral referral = refer(true);
        AccountFixtures.signIn(consultant);
        vetting.accept(referral.id(), BookingFixtures.ultrasoundKnee(), new Acceptance(null, null, null, reasonsFor(referral)));

        assertThatThrownBy(() -> owner().sql("update safety_override set reason = 'changed' where referral_id = ?")
                .param(referral.id().value()).update()).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner().sql("delete from safety_override where referral_id = ?")
                .param(referral.id().value()).update()).rootCause().hasMessageContaining("append-only");
    }

    @Test
    void showsTheOverrideBesideItsFindingOnTheBookingAndVettingPagesAndOffersTheFormOnlyToAConsultant() throws Exception {
        Referral referral = refer(false);
        accept(referral);
        jdbc.sql("update referral set prosthetic_joint_at_site = 'YES' where id = ?").param(referral.id().value()).update();
        UUID id = referral.id().value();

        mvc.perform(get("/bookings/referral/{id}", id).with(user(clerk.username()).roles("BOOKING")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("STOPs that refuse slots")))
                .andExpect(content().string(Matchers.containsString("Only a consultant radiologist may override this STOP.")))
                .andExpect(content().string(Matchers.containsString("Override with a recorded reason")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("name=\"reason\""))));
        mvc.perform(get("/bookings/referral/{id}", id).with(user(consultant.username()).roles("RADIOLOGIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"" + PROSTHETIC_JOINT + "\"")));

        AccountFixtures.signIn(clerk);
        LocalDateTime start = slotFinder.search(id, 1).stops().getFirst().start();
        mvc.perform(post("/bookings/referral/{id}/override", id).param("ruleId", PROSTHETIC_JOINT)
                        .param("start", start.toString()).param("reason", REASON)
                        .with(user(registrar.username()).roles("RADIOLOGIST")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", Matchers.containsString("Only a consultant radiologist may override")));
        mvc.perform(post("/bookings/referral/{id}/override", id).param("ruleId", PROSTHETIC_JOINT)
                        .param("start", start.toString()).param("reason", REASON)
                        .with(user(consultant.username()).roles("RADIOLOGIST")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", Matchers.containsString("overridden")));

        String sentence = "Overridden by " + consultant.displayName() + " (consultant radiologist) on " + today() + ": " + REASON;
        mvc.perform(get("/bookings/referral/{id}", id).with(user(clerk.username()).roles("BOOKING")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(sentence)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("STOPs that refuse slots"))));
        mvc.perform(get("/vetting/{id}", id).with(user(consultant.username()).roles("RADIOLOGIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(sentence)));
        org.assertj.core.api.Assertions.assertThat(org.synovia.testing.ListPages.all(mvc, get("/waiting-list"),
                user(clerk.username()).roles("BOOKING"))).contains(sentence); // on whichever page the patient is
        mvc.perform(get("/referrals/{id}", id).with(user(consultant.username()).roles("RADIOLOGIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(sentence)));

        AccountFixtures.signIn(clerk);
        Appointment booked = desk.book(id, slotFinder.search(id, 1).offers().getFirst().slot().id());
        mvc.perform(get("/appointments/{id}", booked.id()).with(user(clerk.username()).roles("BOOKING")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(sentence)));
    }

    private Referral refer(boolean prostheticJoint) {
        AccountFixtures.signIn(referrer);
        UUID patientId = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient().id().value();
        return referrals.submit(UUID.randomUUID(), RecordCopies.with(ReferralFixtures.kneeOnApixaban(patientId),
                "prostheticJointAtSite", org.synovia.shared.YesNoUnknown.of(prostheticJoint)));
    }

    private void accept(Referral referral) {
        AccountFixtures.signIn(consultant);
        vetting.accept(referral.id(), BookingFixtures.ultrasoundKnee(), new Acceptance(null, null, null, reasonsFor(referral)));
    }

    /** A reason for each finding the engine asks to be justified; the STOP gets {@link #REASON}. */
    private Map<String, String> reasonsFor(Referral referral) {
        return vetting.recheck(referral.id(), BookingFixtures.ultrasoundKnee()).needingJustification().stream()
                .collect(java.util.stream.Collectors.toMap(Finding::ruleId,
                        f -> f.blocksBooking() ? REASON : "Justified for the test", (a, b) -> a));
    }

    private String today() {
        return LocalDate.now(clock).format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK));
    }
}
